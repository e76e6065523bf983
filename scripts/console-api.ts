import 'reflect-metadata';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminModule } from '../apps/admin/src/admin.module';
import { DepartmentsModule } from '../apps/departments/src/departments.module';
import { IntakeModule } from '../apps/intake/src/intake.module';

const SERVICES: Record<string, Type<unknown>> = { admin: AdminModule, intake: IntakeModule, departments: DepartmentsModule };
const GENERATOR = join(__dirname, '..', 'apps', 'admin', 'web', 'scripts', 'gen-api.mjs');

/** Each service's OpenAPI document, built in Nest's preview mode: no database, broker or port needed. */
export async function buildDocuments(): Promise<Record<string, OpenAPIObject>> {
  const docs: Record<string, OpenAPIObject> = {};
  for (const [name, module] of Object.entries(SERVICES)) {
    const app = await NestFactory.create(module, { preview: true, logger: false });
    docs[name] = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(`Fengqiao ${name}`).setVersion('1').addBearerAuth().build());
    await app.close();
  }
  return docs;
}

/** Runs the console's generator on the documents: writes apps/admin/web/src/api/*.d.ts, or only compares (`check`). */
export async function generateConsoleApi(check: boolean): Promise<{ status: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'fq-openapi-'));
  try {
    for (const [name, doc] of Object.entries(await buildDocuments())) writeFileSync(join(dir, `${name}.json`), JSON.stringify(doc));
    const run = spawnSync(process.execPath, [GENERATOR, '--from', dir, ...(check ? ['--check'] : [])], { encoding: 'utf8' });
    return { status: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run console:api [-- --check]`. */
if (process.argv[1] === __filename) {
  generateConsoleApi(process.argv.includes('--check'))
    .then(({ status, output }) => {
      process.stdout.write(output);
      process.exit(status);
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
