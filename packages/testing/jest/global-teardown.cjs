module.exports = async function globalTeardown() {
  await globalThis.__CONCORD_TEST_INFRA__?.stop();
};
