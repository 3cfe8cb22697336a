import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { BUS_IDENTITIES, busAuthorizationConfig, type BusIdentity } from './bus-permissions';
import { createBusNkey, nkeyPublicKey } from './nats-connection';

export type BusSeeds = Record<BusIdentity, string>;

/**
 * The NKey seeds of every bus identity, generated once into `file` (in the
 * git-ignored data folder, readable by its owner only) and kept: a restart
 * finds the same identities. An identity missing from the file (one added
 * to the table later) is generated and added.
 */
export function ensureBusSeeds(file: string, log: (line: string) => void = () => undefined): BusSeeds {
  const kept: Partial<BusSeeds> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<BusSeeds>) : {};
  const missing = BUS_IDENTITIES.filter((identity) => !kept[identity]);
  for (const identity of missing) kept[identity] = createBusNkey().seed;
  if (missing.length) {
    writeFileSync(file, JSON.stringify(kept, null, 2), { mode: 0o600 });
    log(`Generated NATS identities (${missing.join(', ')}) in ${file}`);
  }
  return kept as BusSeeds;
}

/**
 * Writes nats-server's configuration for one system: the settings of
 * `baseConfigFile` followed by the authorization of every identity in
 * `seeds` (public keys only) with its permissions in environment `env`.
 */
export function writeNatsServerConfig(
  file: string,
  baseConfigFile: string,
  seeds: Partial<BusSeeds>,
  env: string,
): string {
  const keys = Object.fromEntries(Object.entries(seeds).map(([identity, seed]) => [identity, nkeyPublicKey(seed)]));
  writeFileSync(file, `${readFileSync(baseConfigFile, 'utf8')}\n${busAuthorizationConfig(keys, env)}`, { mode: 0o600 });
  return file;
}
