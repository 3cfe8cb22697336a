import { describe, expect, it } from '@jest/globals';
import { createLogger, LOG_REDACT_KEYS, REDACTED } from './logging';
import { nestLogger } from './nest-logger';
import { withRequestId } from './request-context';

/** A logger writing into an array, one parsed JSON object per line. */
function captured(level = 'info', service = 'registry') {
  const lines: string[] = [];
  const log = createLogger({ service, level, destination: { write: (line) => lines.push(line) } });
  return { log, lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('log lines', () => {
  it('are JSON with the service, level name, ISO time, and the request id of the request being handled', () => {
    const { log, lines } = captured();
    log.info('outside');
    withRequestId('req-42', () => log.info({ subject: 'concord.registry.creator.get' }, 'inside'));
    const [outside, inside] = lines();
    expect(outside).toMatchObject({ service: 'registry', level: 'info', msg: 'outside' });
    expect(outside).not.toHaveProperty('requestId');
    expect(new Date(String(inside!.time)).toISOString()).toBe(inside!.time);
    expect(inside).toMatchObject({ requestId: 'req-42', subject: 'concord.registry.creator.get', msg: 'inside' });
  });

  it('never show credentials, bodies or personal data, at the top, one level down or in headers', () => {
    const { log, lines } = captured();
    log.info(
      {
        authorization: 'Bearer top',
        token: 'tok',
        body: { legalName: 'Nguyễn Thị Hồng Nhung' },
        req: {
          method: 'POST',
          headers: { authorization: 'Bearer eyJ.secret', cookie: 'sid=1', 'x-request-id': 'r-1' },
          body: { nationalId: '001199012345' },
        },
        envelope: { proof: 'signature', data: { personalData: { phone: '+84912345678' } } },
        creator: { email: 'nhung@example.vn', nationalId: '001199012345', displayName: 'Nhung' },
      },
      'request',
    );
    const [line] = lines();
    const text = JSON.stringify(line);
    for (const secret of [
      'Bearer',
      'eyJ',
      'sid=1',
      'tok"',
      'Nguyễn',
      '001199012345',
      '+849',
      'example.vn',
      'signature',
    ])
      expect(text).not.toContain(secret);
    expect(line).toMatchObject({
      authorization: REDACTED,
      token: REDACTED,
      body: REDACTED,
      req: { method: 'POST', headers: { authorization: REDACTED, cookie: REDACTED, 'x-request-id': 'r-1' } },
      envelope: { proof: REDACTED, data: REDACTED },
      creator: { email: REDACTED, nationalId: REDACTED, displayName: 'Nhung' },
    });
  });

  it('redact every listed key', () => {
    const { log, lines } = captured();
    log.info(Object.fromEntries(LOG_REDACT_KEYS.map((k) => [k, 'x'])));
    const [line] = lines();
    for (const key of LOG_REDACT_KEYS) expect(line![key]).toBe(REDACTED);
  });

  it('keep to LOG_LEVEL', () => {
    const quiet = captured('error');
    quiet.log.info('not shown');
    quiet.log.warn('not shown');
    quiet.log.error('shown');
    expect(quiet.lines().map((l) => l.msg)).toEqual(['shown']);
    const silent = captured('silent');
    silent.log.fatal('not shown');
    expect(silent.lines()).toEqual([]);
  });

  it("carry Nest's messages through nestjs-pino, each process's to its own logger; Nest's chatter only at debug", () => {
    const registry = captured('info', 'registry');
    const tasking = captured('debug', 'tasking');
    const [r, t] = [nestLogger(registry.log), nestLogger(tasking.log)];
    r.log('Mapped {/v1/creators, POST}', 'RouterExplorer');
    r.warn('outbox relay: NATS is away; will retry', 'OutboxRelay');
    withRequestId('req-7', () => t.error('refused: actor.unproven', undefined, 'ActorProofGuard'));
    t.log('Starting Nest application...', 'NestFactory');
    expect(registry.lines()).toEqual([
      expect.objectContaining({ service: 'registry', level: 'warn', context: 'OutboxRelay', msg: expect.any(String) }),
    ]);
    expect(tasking.lines()).toEqual([
      expect.objectContaining({ service: 'tasking', level: 'error', context: 'ActorProofGuard', requestId: 'req-7' }),
      expect.objectContaining({ service: 'tasking', level: 'debug', context: 'NestFactory' }),
    ]);
  });
});
