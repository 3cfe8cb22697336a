const preset = require('../jest.preset.cjs');

/**
 * The cluster story (npm run test:cluster): it starts its own NATS cluster,
 * PostgreSQL pair and Concord processes (support/), from the built
 * workspaces, so it needs no global setup. One story, minutes long.
 */
module.exports = {
  ...preset(__dirname),
  roots: ['<rootDir>'],
  testRegex: '.*\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 900000,
};
