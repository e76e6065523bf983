// Lint: strict TypeScript with type information (no floating promises), and the boundaries the
// design relies on: workflows stay deterministic, the domain stays pure, apps never import apps.
import js from '@eslint/js';
import globals from 'globals';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(new URL(import.meta.url).pathname);

/** An app may import its own files, libs and workflows, never another app's files. */
const appBoundary = {
  meta: { type: 'problem', messages: { crossApp: 'apps/{{from}} must not import apps/{{to}}: ask by event or API instead.' } },
  create(context) {
    const file = path.relative(ROOT, context.filename);
    const from = file.split(path.sep)[1];
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.')) return;
        const target = path.relative(ROOT, path.resolve(path.dirname(context.filename), spec)).split(path.sep);
        if (target[0] === 'apps' && target[1] !== from) context.report({ node, messageId: 'crossApp', data: { from, to: target[1] } });
      },
    };
  },
};

/** Value imports only from the listed packages or from files inside `within`; type imports are free. */
const pureImports = {
  meta: { type: 'problem', schema: [{ type: 'object' }], messages: { impure: '{{spec}}: {{why}}' } },
  create(context) {
    const { allow = [], within, why } = context.options[0];
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (node.importKind === 'type' || typeof spec !== 'string' || allow.includes(spec)) return;
        const inside = spec.startsWith('.') && path.relative(ROOT, path.resolve(path.dirname(context.filename), spec)).startsWith(within);
        if (!inside) context.report({ node, messageId: 'impure', data: { spec, why } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.fengqiao/**', 'apps/admin/web/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    plugins: { fq: { rules: { 'app-boundary': appBoundary, 'pure-imports': pureImports } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Plain JavaScript (scripts/, configs): CommonJS on Node, checked without type information
  // (tsconfig.scripts.json type-checks it).
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node, sourceType: 'commonjs' },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off', 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  { files: ['apps/**/*.ts'], rules: { 'fq/app-boundary': 'error' } },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts', 'workflows/testing/**'],
    rules: {
      'fq/pure-imports': ['error', { allow: ['@temporalio/workflow', '@fq/domain'], within: 'workflows', why: 'workflow code is deterministic: import only @temporalio/workflow, @fq/domain and activity types (import type).' }],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: { 'fq/pure-imports': ['error', { within: 'libs/domain', why: 'libs/domain is pure: no I/O, no frameworks, no other packages.' }] },
  },
);
