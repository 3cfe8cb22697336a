const path = require('node:path');
const preset = require('../../jest.preset.cjs');

/**
 * The repository's jest setup (native ESM, @swc/jest) with TSX and React's
 * automatic JSX runtime. Pure modules run in node; component tests ask for
 * jsdom with a `@jest-environment jsdom` docblock. The browser stories are in
 * the e2e/ workspace.
 */
const base = preset(__dirname);
const swcTsx = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      // JSON catalogues are imported `with { type: 'json' }`, as Node and Vite expect.
      experimental: { keepImportAttributes: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];

module.exports = {
  ...base,
  testRegex: '.*\\.spec\\.tsx?$',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^@concord/client$': path.join(__dirname, '../../packages/client/src/index.ts'),
    '\\.css$': path.join(__dirname, 'src/test/empty-module.ts'),
  },
  transform: { '^.+\\.tsx?$': swcTsx },
  // jsdom lacks a few globals that Node has and react-router uses.
  setupFiles: ['<rootDir>/src/test/jsdom-globals.ts', '<rootDir>/src/test/async-timeout.ts'],
};
