import { describe, expect, it } from '@jest/globals';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { firstValueFrom, from, throwError } from 'rxjs';
import { DomainError } from '@concord/domain';
import { createLogger } from './logging';
import { currentRequestId, REQUEST_ID_HEADER } from './request-context';
import { outcomeOf, RequestLogInterceptor, requestIdOfMessage } from './request-log.interceptor';

/** An RPC call as Nest hands it to an interceptor: the envelope and the NATS context (subject, headers). */
function rpcCall(envelope: unknown, headers: Record<string, string> = {}, subject = 'concord.t1.registry.creator.get') {
  const natsContext = {
    getSubject: () => subject,
    getHeaders: () => ({ get: (key: string) => headers[key] ?? '' }),
  };
  return {
    getType: () => 'rpc',
    switchToRpc: () => ({ getData: () => envelope, getContext: () => natsContext }),
  } as unknown as ExecutionContext;
}

function capturedLog() {
  const lines: string[] = [];
  const log = createLogger({ service: 'registry', destination: { write: (line) => lines.push(line) } });
  return { log, lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("a service's NATS request log line", () => {
  it('names the subject, outcome, duration and request id, and the handler runs inside the request id', async () => {
    const { log, lines } = capturedLog();
    let inside: string | undefined;
    const handler: CallHandler = {
      handle: () =>
        from(
          (async () => {
            await new Promise((r) => setTimeout(r, 2));
            inside = currentRequestId();
            log.info('handling');
            return { ok: true };
          })(),
        ),
    };
    const reply = await firstValueFrom(
      new RequestLogInterceptor(log).intercept(
        rpcCall(
          { correlationId: 'from-envelope', data: { nationalId: '001199012345' } },
          { [REQUEST_ID_HEADER]: 'r-9' },
        ),
        handler,
      ),
    );
    expect(reply).toEqual({ ok: true });
    expect(inside).toBe('r-9');
    const [logged] = lines().filter((l) => l.msg === 'handling');
    expect(logged).toMatchObject({ requestId: 'r-9' });
    const [line] = lines().filter((l) => l.msg === 'nats request');
    expect(line).toMatchObject({
      service: 'registry',
      level: 'info',
      subject: 'concord.t1.registry.creator.get',
      outcome: 'ok',
      requestId: 'r-9',
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(lines())).not.toContain('001199012345');
  });

  it("names a problem's code as its outcome", async () => {
    const { log, lines } = capturedLog();
    const failing: CallHandler = { handle: () => throwError(() => new DomainError('not_found', 'No such creator')) };
    await expect(
      firstValueFrom(new RequestLogInterceptor(log).intercept(rpcCall({ correlationId: 'c-1' }), failing)),
    ).rejects.toBeInstanceOf(DomainError);
    expect(lines()).toEqual([expect.objectContaining({ outcome: 'not_found', requestId: 'c-1', level: 'info' })]);
  });

  it("takes the Concord-Request-Id header, else the envelope's correlation id, and only a fit one", () => {
    expect(requestIdOfMessage({ correlationId: 'c' }, undefined)).toBe('c');
    const context = (id: string) => ({ getHeaders: () => ({ get: () => id }) });
    expect(requestIdOfMessage({ correlationId: 'c' }, context('h'))).toBe('h');
    expect(requestIdOfMessage({ correlationId: 'c' }, context('bad id'))).toBe('c');
    expect(requestIdOfMessage({ correlationId: 'bad id' }, context(''))).toBeUndefined();
    expect(requestIdOfMessage(null, undefined)).toBeUndefined();
  });

  it('calls anything not a problem internal', () => {
    expect(outcomeOf(new DomainError('creator.channel_taken', 'taken'))).toBe('creator.channel_taken');
    expect(outcomeOf(new Error('boom'))).toBe('internal');
    expect(outcomeOf({ code: '23505' })).toBe('internal');
  });
});
