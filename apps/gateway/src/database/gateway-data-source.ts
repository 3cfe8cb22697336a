import { createServiceDataSource, type DatabaseTimeouts } from '@concord/database';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import {
  AuditCheckpoints1764000000016,
  CreateIdempotencyKeys1764000000001,
  IdempotencyKeyOwner1764000000002,
} from './migrations';

export const GATEWAY_SCHEMA = 'gateway';

export function createGatewayDataSource(url: string, poolSize = 5, timeouts?: DatabaseTimeouts) {
  return createServiceDataSource({
    url,
    schema: GATEWAY_SCHEMA,
    applicationName: 'concord-gateway',
    entities: [IdempotencyRecord],
    migrations: [CreateIdempotencyKeys1764000000001, IdempotencyKeyOwner1764000000002, AuditCheckpoints1764000000016],
    poolSize,
    timeouts,
  });
}
