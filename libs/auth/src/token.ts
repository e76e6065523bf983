import { DomainError, ROLES, Role } from '@fq/domain';
import jwt from 'jsonwebtoken';
import { z } from 'zod';

/** Who is calling: read from a verified bearer token. */
export interface Principal {
  login: string;
  name: string;
  roles: Role[];
  /** The org unit the user works for (grid, village, town, department or district code). */
  unitCode: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string(),
  roles: z.array(z.enum(ROLES)).min(1),
  unit: z.string().min(1),
});

const ISSUER = 'fengqiao';

export function signToken(p: Principal, secret: string, expiresInSeconds = 12 * 3600): string {
  return jwt.sign({ name: p.name, roles: p.roles, unit: p.unitCode }, secret, {
    algorithm: 'HS256',
    subject: p.login,
    issuer: ISSUER,
    expiresIn: expiresInSeconds,
  });
}

export function verifyToken(token: string, secret: string): Principal {
  let decoded: unknown;
  try {
    decoded = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER });
  } catch (e) {
    const why = e instanceof jwt.TokenExpiredError ? 'it has expired' : 'it is not a valid Fengqiao token';
    throw new DomainError('unauthenticated', 'TOKEN_INVALID', `The bearer token was refused: ${why}.`);
  }
  const claims = claimsSchema.safeParse(decoded);
  if (!claims.success) {
    throw new DomainError('unauthenticated', 'TOKEN_INVALID', 'The bearer token lacks the claims sub, name, roles and unit.');
  }
  const { sub, name, roles, unit } = claims.data;
  return { login: sub, name, roles, unitCode: unit };
}
