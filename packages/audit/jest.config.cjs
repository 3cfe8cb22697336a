module.exports = require('../../jest.preset.cjs')(__dirname, {
  config: {
    globalSetup: '<rootDir>/../../packages/testing/jest/global-setup.cjs',
    globalTeardown: '<rootDir>/../../packages/testing/jest/global-teardown.cjs',
  },
});
