import { adminSchema } from '../apps/admin/src/db/admin.schema';
import { departmentsSchema } from '../apps/departments/src/db/departments.schema';
import { intakeSchema } from '../apps/intake/src/db/intake.schema';
import { legalAidSchema } from '../apps/legal-aid/src/db/legal-aid.schema';
import { mediationSchema } from '../apps/mediation/src/db/mediation.schema';

/** Every service's schema, for the operator scripts (migrate, seed); services never share them. */
export const ALL_SCHEMAS = [adminSchema, intakeSchema, departmentsSchema, mediationSchema, legalAidSchema];
export { adminSchema };
