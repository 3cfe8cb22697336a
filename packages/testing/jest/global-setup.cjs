// Starts the real PostgreSQL and NATS a package's tests use (once per jest run).
module.exports = async function globalSetup() {
  const { startTestInfrastructure } = require('@concord/testing');
  const infra = await startTestInfrastructure();
  process.env.CONCORD_TEST_DATABASE_URL = infra.databaseUrl;
  process.env.CONCORD_TEST_NATS_URL = infra.natsUrl;
  globalThis.__CONCORD_TEST_INFRA__ = infra;
};
