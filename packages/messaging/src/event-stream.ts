import { jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { eventStreamName, namespaceSubject } from '@concord/domain';

/** Duplicate detection window: a republished outbox row within it is dropped by JetStream. */
export const DUPLICATE_WINDOW_MS = 15 * 60_000;

/**
 * Makes sure the environment's event stream exists: every subject
 * `concord.<env>.events.>`, on file storage, with duplicate detection by
 * `Nats-Msg-Id` (the event id), kept on `replicas` servers of a cluster
 * (NATS_STREAM_REPLICAS: 3 in production, 1 on a single server). Its
 * durable consumers inherit the replica count.
 */
export async function ensureEventStream(nc: NatsConnection, env: string, replicas = 1): Promise<string> {
  return whileJetStreamSettles(() => putEventStream(nc, env, replicas));
}

/** How long start-up waits for a cluster's JetStream to answer (it elects its leaders first). */
const SETTLE_MS = 60_000;

/**
 * Retries `work` while JetStream does not answer in time: a cluster that has
 * just started, or lost a server, answers its API only once it has elected
 * a leader, and a process that gave up then would crash for nothing.
 */
async function whileJetStreamSettles<T>(work: () => Promise<T>, settleMs = SETTLE_MS): Promise<T> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      const timedOut =
        (error as Error).name === 'TimeoutError' || /timeout|no responders/i.test((error as Error).message);
      if (!timedOut || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function putEventStream(nc: NatsConnection, env: string, replicas: number): Promise<string> {
  const jsm = await jetstreamManager(nc);
  const name = eventStreamName(env);
  const config = {
    name,
    subjects: [namespaceSubject(env, 'concord.events.>')],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    max_age: nanos(90 * 24 * 3600_000),
    num_replicas: replicas,
  };
  let exists = true;
  try {
    await jsm.streams.info(name);
  } catch (error) {
    if (!/not found/i.test((error as Error).message)) throw error;
    exists = false;
  }
  // Adding the same configuration twice is no error: whoever starts first makes it.
  if (exists) await jsm.streams.update(name, config);
  else await jsm.streams.add(config);
  return name;
}
