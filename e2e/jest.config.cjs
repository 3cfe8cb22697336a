const path = require('node:path');
const preset = require('../jest.preset.cjs');

/**
 * The end-to-end stories (api/, browser/; what they share in support/): the
 * repository's jest setup, with the run's PostgreSQL and NATS started once
 * for the API stories (packages/testing/jest/). The browser stories start the
 * system as `npm start` does, from the built workspaces.
 */
const base = preset(__dirname, {
  config: {
    globalSetup: '<rootDir>/../packages/testing/jest/global-setup.cjs',
    globalTeardown: '<rootDir>/../packages/testing/jest/global-teardown.cjs',
  },
});
const [tsPattern, [swc, swcOptions]] = Object.entries(base.transform).find(([pattern]) => pattern === '^.+\\.ts$');

module.exports = {
  ...base,
  roots: ['<rootDir>/api', '<rootDir>/browser', '<rootDir>/support'],
  moduleNameMapper: {
    ...base.moduleNameMapper,
    // The portal's words, which the browser stories read as each person sees them.
    '^@concord/portal/i18n/catalogues$': path.join(__dirname, '../apps/portal/src/i18n/catalogues.ts'),
  },
  transform: {
    ...base.transform,
    // The portal's JSON catalogues are imported `with { type: 'json' }`, as Node and Vite expect.
    [tsPattern]: [swc, { ...swcOptions, jsc: { ...swcOptions.jsc, experimental: { keepImportAttributes: true } } }],
  },
  // A browser story starts the whole system and plays many steps: give it room (it stops everything it started).
  testTimeout: 120000,
};
