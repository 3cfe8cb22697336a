import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SUBJECTS as ALL, newId } from '@concord/domain';
import { createLogger, withRequestId } from '@concord/messaging';
import { actors, registration, startTestRegistry, type TestRegistry } from './test/registry.test-helpers';

const S = ALL.registry;

/**
 * The registry as started for real (startService): each NATS request it handles ends with one JSON log line naming
 * the subject, outcome, duration and the request id the caller sent, and what it writes keeps that id (ADR 0025).
 */
describe("the registry's request log lines", () => {
  let r: TestRegistry;
  const lines: string[] = [];
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    const log = createLogger({
      service: 'registry',
      level: 'info',
      destination: { write: (line) => lines.push(line) },
    });
    r = await startTestRegistry({ log });
  });
  afterAll(async () => r?.stop());

  it('names the request id the caller was handling, and the audit entry keeps it', async () => {
    const body = registration();
    const created = await withRequestId('ministry-7:case-42', () =>
      r.client.request(S.creatorCreate, { input: body }, actors.registrar),
    );
    await expect(
      withRequestId('ministry-7:case-43', () => r.client.request(S.creatorGet, { id: newId() }, actors.registrar)),
    ).rejects.toMatchObject({ code: 'not_found' });

    const requests = logged().filter((l) => l.msg === 'nats request');
    expect(requests).toEqual([
      expect.objectContaining({
        service: 'registry',
        level: 'info',
        subject: `concord.${r.config.CONCORD_ENV}.registry.creator.create`,
        outcome: 'ok',
        requestId: 'ministry-7:case-42',
        durationMs: expect.any(Number),
      }),
      expect.objectContaining({
        subject: `concord.${r.config.CONCORD_ENV}.registry.creator.get`,
        outcome: 'not_found',
        requestId: 'ministry-7:case-43',
      }),
    ]);
    const everything = lines.join('');
    expect(everything).not.toContain(body.personalData!.nationalId);
    expect(everything).not.toContain(body.displayName);

    const rows = await r.db.query<{ request_id: string }[]>(
      'SELECT request_id FROM registry.audit_entries WHERE subject = $1',
      [`creator:${created.id}`],
    );
    expect(rows).toEqual([{ request_id: 'ministry-7:case-42' }]);
  });
});
