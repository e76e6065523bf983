// Three suites, told apart by place (STYLE.md): *.spec.ts beside the code (no servers),
// test/integration (real Postgres, Kafka, Temporal), test/e2e (the whole system as a user drives it).
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch,
  transform,
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/.fengqiao/'],
  ...extra,
});

module.exports = {
  projects: [
    project('unit', ['<rootDir>/{apps,libs,workflows,deploy,scripts}/**/*.spec.ts']),
    project('integration', ['<rootDir>/test/integration/**/*.test.ts'], { setupFilesAfterEnv: ['<rootDir>/test/setup-servers.ts'] }),
    project('e2e', ['<rootDir>/test/e2e/**/*.test.ts'], { setupFilesAfterEnv: ['<rootDir>/test/setup-servers.ts'] }),
  ],
};
