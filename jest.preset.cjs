/**
 * Shared jest setup: native ESM jest with @swc/jest (fast, keeps decorator
 * metadata). Workspace packages are imported from their TypeScript sources,
 * so tests never need a build first.
 */
const path = require('node:path');

const ESM_REQUIRED_FROM_CJS = ['content-disposition'];

module.exports = function preset(dir, overrides = {}) {
  return {
    rootDir: dir,
    roots: ['<rootDir>/src', ...(overrides.extraRoots ?? [])],
    testRegex: '.*\\.spec\\.ts$',
    moduleFileExtensions: ['ts', 'js', 'json'],
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    testTimeout: 60000,
    // Each file's tests run in a shuffled order (jest prints the seed; `--seed=N` replays it): none may depend on
    // another having run first (issue 13).
    randomize: true,
    moduleNameMapper: {
      '^@concord/(domain|permissions|config|database|messaging|audit|service-kit|testing|local-servers|telemetry)$':
        path.join(__dirname, 'packages/$1/src/index.ts'),
      '^@concord/(registry|gateway|agreements|tasking|approvals)$': path.join(__dirname, 'apps/$1/src/index.ts'),
    },
    // ESM-only packages that CommonJS dependencies require(): jest on Node 20
    // cannot require(esm), so these few are compiled to CommonJS for tests.
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_REQUIRED_FROM_CJS.join('|')})/)`],
    transform: {
      [`/node_modules/(${ESM_REQUIRED_FROM_CJS.join('|')})/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' } }],
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            keepClassNames: true,
            target: 'es2022',
          },
          module: { type: 'es6' },
        },
      ],
    },
    ...overrides.config,
  };
};
