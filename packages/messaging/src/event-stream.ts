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
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
  } catch {
    await jsm.streams.add(config);
  }
  return name;
}
