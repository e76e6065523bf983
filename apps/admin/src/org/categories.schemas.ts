import { z } from 'zod';

/** A class is C + digits (C11); a sub-item is its class code, a dash and more (C11-01): SLA rules match categories by that prefix. */
const categoryCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{0,15}(-[A-Z0-9]{1,16})?$/, 'a class code like C11 or a sub-item code like C11-01 (capital letters and digits)');
const name = z.string().trim().min(1).max(50);
const unitCode = z.string().trim().min(1).max(40);

/** POST /api/v1/categories */
export const createCategorySchema = z.strictObject({
  code: categoryCode,
  name,
  /** Optional: a sub-item's class is the part of its code before the dash; if given it must agree. */
  parentCode: categoryCode.optional(),
  leadDepartmentCode: unitCode,
  departmentMatter: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type CreateCategory = z.infer<typeof createCategorySchema>;

/** PATCH /api/v1/categories/:code: the fields to change (the code and the place in the tree stay). */
export const updateCategorySchema = z
  .strictObject({ name: name.optional(), leadDepartmentCode: unitCode.optional(), departmentMatter: z.boolean().optional(), active: z.boolean().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one of name, leadDepartmentCode, departmentMatter, active' });
export type UpdateCategory = z.infer<typeof updateCategorySchema>;
