import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node built-ins, I/O and frameworks that the pure domain package must never import. */
const forbiddenInCore = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'process',
  'stream',
  'url',
  'fastify',
  'fastify-*',
  '@fastify/*',
  'kysely',
  'better-sqlite3',
  'pg',
  'pino',
  'react',
  'react-dom',
  'zod',
  '@mimamoru/contracts',
  '@mimamoru/server',
  '@mimamoru/web',
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'docs/screenshots/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: forbiddenInCore,
              message: 'packages/core is pure domain code (runs in the browser): no Node, I/O or framework imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'packages/core must not read the environment.' },
        { name: 'fetch', message: 'packages/core does no I/O.' },
        { name: 'require', message: 'packages/core is ESM and does no I/O.' },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fastify', 'kysely', 'react', '@mimamoru/server'], message: 'contracts are shared schemas only.' }] },
      ],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/config/**', 'apps/server/src/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through config/ only.' },
      ],
    },
  },
  {
    files: ['apps/server/src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/db/*', 'kysely', 'better-sqlite3', 'pg'], message: 'Route handlers call services, never the database.' }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
