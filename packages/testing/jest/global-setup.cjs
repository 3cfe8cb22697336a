// Starts the real PostgreSQL and NATS a package's tests use (once per jest run).
module.exports = async function globalSetup() {
  const { startTestInfrastructure } = require('@concord/testing');
  const infra = await startTestInfrastructure();
  process.env.CONCORD_TEST_DATABASE_URL = infra.databaseUrl;
  process.env.CONCORD_TEST_NATS_URL = infra.natsUrl;
  // Each identity's NKey seed and the server's configuration: @concord/testing's testNats() and testNatsConfig() read them.
  if (Object.keys(infra.natsSeeds).length) process.env.CONCORD_TEST_NATS_SEEDS = JSON.stringify(infra.natsSeeds);
  if (infra.natsConfigFile) process.env.CONCORD_TEST_NATS_CONFIG = infra.natsConfigFile;
  globalThis.__CONCORD_TEST_INFRA__ = infra;
};
