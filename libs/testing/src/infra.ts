import { join } from 'node:path';

type Component = 'postgres' | 'kafka' | 'temporal';

interface Infra {
  stopComponent(profile: string, name: Component): Promise<void>;
  startComponent(profile: string, name: Component, opts?: { log?: (m: string) => void }): Promise<void>;
  testServerPath(): string;
}

// scripts/infra is plain JavaScript (it runs before dependencies are installed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require(join(__dirname, '..', '..', '..', 'scripts', 'infra')) as Infra;

/** The infra profile the test run started (scripts/test.js sets it). */
export function testProfile(): string {
  const profile = process.env.FQ_TEST_PROFILE;
  if (!profile || !process.env.DATABASE_URL) {
    throw new Error('These tests need the servers that `npm test` starts; run them through `npm test` (extra Jest args after --).');
  }
  return profile;
}

/** Stops one real server, for tests of what survives its absence. */
export const stopServer = (name: Component) => infra.stopComponent(testProfile(), name);
/** Starts it again on the same data; resolves when it answers. */
export const startServer = (name: Component) => infra.startComponent(testProfile(), name, { log: () => undefined });
export const timeSkippingServerPath = () => infra.testServerPath();
