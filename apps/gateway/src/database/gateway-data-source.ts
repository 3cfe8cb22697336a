import { createServiceDataSource } from '@concord/database';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import { CreateIdempotencyKeys1764000000001 } from './migrations';

export function createGatewayDataSource(url: string, poolSize = 5) {
  return createServiceDataSource({
    url,
    schema: 'gateway',
    applicationName: 'concord-gateway',
    entities: [IdempotencyRecord],
    migrations: [CreateIdempotencyKeys1764000000001],
    poolSize,
  });
}
