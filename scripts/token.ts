import 'reflect-metadata';
import { signToken } from '@fq/auth';
import { baseEnvSchema, parseEnv } from '@fq/config';
import { dataSourceOptions } from '@fq/db';
import { DataSource } from 'typeorm';
import { AppUser } from '../apps/admin/src/users/user.entity';
import { adminSchema } from './schemas';

/** `npm run token -- <login>`: prints a bearer token for a seeded user (last line of output). */
async function main(): Promise<void> {
  const login = process.argv[2];
  if (!login) throw new Error('usage: npm run token -- <login>   (e.g. admin, dispatcher, operator)');
  const env = parseEnv(baseEnvSchema);
  const ds = await new DataSource(dataSourceOptions(adminSchema, env.DATABASE_URL)).initialize().catch((e: Error) => {
    throw new Error(`cannot reach PostgreSQL at ${env.DATABASE_URL} (${e.message}); is the system running (npm start)?`);
  });
  try {
    const user = await ds.getRepository(AppUser).findOneBy({ login, active: true });
    if (!user) {
      const some = (await ds.getRepository(AppUser).find({ take: 8, order: { login: 'ASC' } })).map((u) => u.login);
      throw new Error(`no active user "${login}"; seeded logins include: ${some.join(', ')}`);
    }
    console.error(`token for ${user.login} (${user.name}; roles ${user.roles.join(', ')}; unit ${user.unitCode}):`);
    console.log(signToken({ login: user.login, name: user.name, roles: user.roles, unitCode: user.unitCode }, env.JWT_SECRET));
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
