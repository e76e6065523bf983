import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Pinned: its checks and CLI are what the conformance test relies on. */
export const SCHEMATHESIS_VERSION = '4.32.5';

/**
 * A Python with schemathesis, in a virtual environment under the cache folder (INFRA.md "API
 * fuzzing"): installed from PyPI on first use, reused afterwards (the marker says it completed).
 */
export function schemathesisPython(): string {
  const dir = join(homedir(), '.cache', 'fengqiao', `schemathesis-${SCHEMATHESIS_VERSION}`);
  const python = join(dir, 'bin', 'python');
  const marker = join(dir, '.installed');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, '..'), { recursive: true });
    execFileSync('python3', ['-m', 'venv', dir], { stdio: 'inherit' });
    execFileSync(python, ['-m', 'pip', 'install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`], { stdio: 'inherit', timeout: 600_000 });
    writeFileSync(marker, `${SCHEMATHESIS_VERSION}\n`);
  }
  return python;
}

/** What breaks a document or the server: a 5xx, or an answer (status, type, headers, body) the document does not describe; 405 for unknown methods. */
export const CONFORMANCE_CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_headers_conformance', 'response_schema_conformance', 'unsupported_method'];

export interface FuzzRun {
  code: number;
  output: string;
}

/** Runs schemathesis' checks on one service, a few examples per operation, with a bearer token. */
export function fuzz(python: string, baseUrl: string, token: string, opts: { maxExamples: number; seed: number }): Promise<FuzzRun> {
  const args = [
    '-m', 'schemathesis.cli', 'run', `${baseUrl}/api/docs-json`,
    '--url', baseUrl,
    '-H', `Authorization: Bearer ${token}`,
    '--checks', CONFORMANCE_CHECKS.join(','),
    '--max-examples', String(opts.maxExamples),
    '--seed', String(opts.seed),
    // The coverage phase (every boundary of every schema) takes minutes per service; examples,
    // fuzzing (valid and invalid data) keep the whole test near two minutes.
    '--phases', 'examples,fuzzing',
    '--workers', '2',
    '--request-timeout', '20',
    '--no-shrink',
    '--no-color',
    '--output-truncate', 'true',
    '--suppress-health-check', 'all',
  ];
  return new Promise((resolve) => {
    execFile(python, args, { maxBuffer: 64 * 1024 * 1024, timeout: 240_000, env: { ...process.env, SCHEMATHESIS_TELEMETRY: 'false' } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}
