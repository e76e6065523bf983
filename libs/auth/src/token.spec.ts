import { DomainError } from '@fq/domain';
import jwt from 'jsonwebtoken';
import { signToken, verifyToken } from './token';

const SECRET = 'a-secret-of-at-least-16-chars';
const dispatcher = { login: 'dispatcher', name: '王调度', roles: ['district_centre' as const], unitCode: '370404' };

describe('bearer tokens', () => {
  it('round-trip the principal', () => {
    expect(verifyToken(signToken(dispatcher, SECRET), SECRET)).toEqual(dispatcher);
  });

  it('refuse another secret, an expired token and missing claims with TOKEN_INVALID', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as DomainError).code;
      }
      return 'accepted';
    };
    expect(code(() => verifyToken(signToken(dispatcher, SECRET), 'another-secret-entirely'))).toBe('TOKEN_INVALID');
    expect(code(() => verifyToken(signToken(dispatcher, SECRET, -10), SECRET))).toBe('TOKEN_INVALID');
    const noRoles = jwt.sign({ name: 'x', unit: '1' }, SECRET, { subject: 'x', issuer: 'fengqiao' });
    expect(code(() => verifyToken(noRoles, SECRET))).toBe('TOKEN_INVALID');
  });
});
