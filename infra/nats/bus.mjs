// NATS identities and authorization for deployments (npm start makes its own, in the data folder).
//
//   npm run nats:identities      prints a new NKey per identity, as environment lines:
//                                <IDENTITY>_NATS_NKEY_SEED (give it to that process only, as NATS_NKEY_SEED)
//                                <IDENTITY>_NATS_NKEY      (the public key: give it to nats-server)
//   npm run nats:authorization   rewrites infra/nats/authorization.production.conf from the permission
//                                table (packages/messaging/src/bus-permissions.ts); a test fails while
//                                the committed file differs from the table
//   ... -- --env prod            pins the permissions to one CONCORD_ENV instead of any
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const {
  BUS_IDENTITIES,
  createBusNkey,
  productionAuthorizationConfig,
} = require('../../packages/messaging/dist/index.js');

const [command, ...rest] = process.argv.slice(2);
const envFlag = rest.indexOf('--env');
const env = envFlag >= 0 ? rest[envFlag + 1] : '*';

if (command === 'identities') {
  for (const identity of BUS_IDENTITIES) {
    const { seed, publicKey } = createBusNkey();
    const name = identity.toUpperCase();
    console.log(`${name}_NATS_NKEY_SEED=${seed}`);
    console.log(`${name}_NATS_NKEY=${publicKey}`);
  }
} else if (command === 'authorization') {
  const file = join(here, env === '*' ? 'authorization.production.conf' : `authorization.${env}.conf`);
  writeFileSync(file, productionAuthorizationConfig(env));
  console.log(`Wrote ${file}`);
} else {
  console.error('usage: node infra/nats/bus.mjs identities | authorization [--env <CONCORD_ENV>]');
  process.exit(2);
}
