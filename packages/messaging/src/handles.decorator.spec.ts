import { describe, expect, it } from '@jest/globals';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { createEnvelope, DomainError, SUBJECTS, type Actor, type ReplyOf } from '@concord/domain';
import { Handles, type RequestFor } from './handles.decorator';

const S = SUBJECTS.registry.creatorByHandle;
const gateway: Actor = { userId: 'system:gateway', orgId: 'system', roles: [] };
const CREATOR = '01a20e35-34e4-727a-8fbf-6d323698c309';

/** A handler of `creator.by_handle` whose answer the test chooses. */
class ByHandle {
  received: RequestFor<typeof S>[] = [];
  constructor(private readonly answer: (handle: string) => ReplyOf<typeof S>) {}

  @Handles(S)
  byHandle(request: RequestFor<typeof S>) {
    this.received.push(request);
    return this.answer(request.data.handle);
  }
}

const asked = (data: unknown) => createEnvelope(S, gateway, data);
/** Calls the handler as Nest's NATS transport does: with the message as it came off the wire. */
const deliver = (handler: ByHandle, message: unknown): Promise<unknown> =>
  (handler.byHandle as unknown as (m: unknown) => Promise<unknown>).call(handler, message);

describe('@Handles: a handler answers its subject as the contract map says', () => {
  it('hands the method the envelope with its data parsed by the request schema', async () => {
    const handler = new ByHandle((handle) => ({ creatorId: CREATOR, displayName: handle, kind: 'individual' }));
    const reply = await deliver(handler, asked({ handle: '  hn ' }));
    expect(reply).toEqual({ creatorId: CREATOR, displayName: 'hn', kind: 'individual' });
    expect(handler.received.map((r) => r.data)).toEqual([{ handle: 'hn' }]);
  });

  it('refuses data the request schema refuses, with field paths, before the method runs', async () => {
    const handler = new ByHandle(() => ({ creatorId: CREATOR, displayName: 'x', kind: 'individual' }));
    const error = await deliver(handler, asked({ handle: '' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation.failed');
    expect((error as DomainError).errors.map((e) => e.path)).toEqual(['handle']);
    expect(handler.received).toEqual([]);
  });

  it('fails, in tests, a reply that does not match the reply schema', async () => {
    const handler = new ByHandle(() => ({ creatorId: 'not-a-uuid', displayName: 'x', kind: 'individual' }));
    await expect(deliver(handler, asked({ handle: 'hn' }))).rejects.toThrow(
      `The reply of ${S} does not match its contract: creatorId`,
    );
  });

  it('registers the method for its subject with Nest’s NATS transport', () => {
    expect(Reflect.getMetadata(PATTERN_METADATA, ByHandle.prototype.byHandle)).toEqual([S]);
  });
});
