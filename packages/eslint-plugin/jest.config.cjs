// The shared preset (workspaces from their sources); the rules and their spec are plain ES modules.
module.exports = require('../../jest.preset.cjs')(__dirname, {
  config: { testRegex: '.*\\.spec\\.js$', moduleFileExtensions: ['js', 'ts', 'json'] },
});
