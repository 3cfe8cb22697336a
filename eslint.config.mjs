// One ESLint configuration for the monorepo (flat config, type-aware through typescript-eslint's project service).
// Each workspace runs `eslint src` as its `lint` script (e2e/: `eslint api browser support`; cluster/: `eslint support *.spec.ts`); `npm run lint` runs them all
// through turbo, and CI runs it.
// The rules that carry the architecture (docs/architecture.md, "Rules the linter keeps") are at the end.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import concord from '@concord/eslint-plugin';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'packages/client/src/schema.d.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { concord },
    rules: {
      // An async function without await is how Nest handlers and interfaces returning promises are written here.
      '@typescript-eslint/require-await': 'off',
      // Handlers passed as references (onClick={session.signOut}, getToken: tokenStore.get) are plain functions here.
      '@typescript-eslint/unbound-method': 'off',
      // A promise nobody awaits loses its error: await it, return it, or say `void` where dropping it is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      // A new status or kind must be handled wherever a switch decides on it.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword',
          message: '`as never` switches the type checker off: give the value its real type.',
        },
      ],
      'concord/no-sql-outside-repositories': 'error',
    },
  },
  {
    // The domain is rules only: no framework, no database, no bus, no I/O (the services and the portal both import it).
    files: ['packages/domain/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'pg', '@nats-io/*', 'nats', 'react', 'react-*'],
              message: 'packages/domain holds rules only: frameworks and drivers live in the apps.',
            },
            {
              group: [
                'node:fs',
                'node:fs/*',
                'fs',
                'node:net',
                'node:http',
                'node:https',
                'node:child_process',
                'node:dgram',
                'node:dns',
                'node:worker_threads',
              ],
              message: 'packages/domain does no I/O.',
            },
            { group: ['@concord/*'], message: 'packages/domain depends on no other workspace.' },
          ],
        },
      ],
    },
  },
  {
    // Every route says who may call it (auth/access.decorators.ts); the AccessGuard refuses one that does not.
    files: ['apps/gateway/src/**/*.controller.ts'],
    rules: { 'concord/route-declares-access': 'error' },
  },
  {
    files: ['apps/portal/src/**'],
    rules: { 'concord/no-role-literals': 'error' },
  },
  {
    // Where SQL belongs: repositories, migrations and DDL, the data-access packages themselves, and tests looking
    // behind a service's back.
    files: [
      '**/*.repository.ts',
      '**/migrations/**',
      '**/database/**',
      '**/*.ddl.ts',
      '**/*.spec.ts',
      '**/*.test-helpers.ts',
      '**/test/**',
      '**/fuzz/**',
      'packages/database/src/**',
      'packages/messaging/src/**',
      'packages/audit/src/**',
      'packages/testing/src/**',
      'cluster/**',
    ],
    rules: { 'concord/no-sql-outside-repositories': 'off' },
  },
  {
    // Tests read what a query or a reply answered (`(await db.query(…))[0].n`) without a type for each row; the code
    // under test may not: every query result there is a typed row or an entity.
    files: [
      '**/*.spec.ts',
      '**/*.spec.tsx',
      '**/*.test-helpers.ts',
      '**/test/**',
      '**/e2e/**',
      '**/cluster/**',
      '**/fuzz/**',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Tests read elements as the element they are (`getByLabelText(…) as HTMLInputElement`).
    files: ['**/*.spec.ts', '**/*.spec.tsx'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
