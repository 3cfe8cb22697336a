import { MessagePattern, Payload } from '@nestjs/microservices';
import { CONTRACTS, type Envelope, type ParsedRequestOf, type ReplyOf, type Subject } from '@concord/domain';
import { assertMatchesContract, CHECK_CONTRACTS } from './contract-check';
import { readEnvelope } from './envelope-io';

/** What a handler of `S` receives: the envelope, its data validated against the subject's request schema. */
export type RequestFor<S extends Subject> = Envelope<ParsedRequestOf<S>>;

type HandlerOf<S extends Subject> = (request: RequestFor<S>) => Promise<ReplyOf<S>> | ReplyOf<S>;

/**
 * Answers `subject` (one of `CONTRACTS` in @concord/domain): the method receives the envelope with its data
 * validated against the subject's request schema (bad data is `validation.failed` with field paths, before the
 * method runs) and must answer the subject's reply type. In tests, the reply is checked against the reply schema too.
 */
export function Handles<S extends Subject>(subject: S) {
  const contract = CONTRACTS[subject];
  // The descriptor is read for its method only (covariantly): the method must answer the subject's reply type.
  return (target: object, key: string | symbol, descriptor: { value?: HandlerOf<S> }): void => {
    const handle = descriptor.value;
    if (!handle) throw new Error(`@Handles(${subject}) must decorate a method`);
    const checked = async function (this: unknown, message: unknown): Promise<ReplyOf<S>> {
      const reply = await handle.call(this, readEnvelope(message, contract.request) as RequestFor<S>);
      if (CHECK_CONTRACTS) assertMatchesContract(contract.reply, reply, `The reply of ${subject}`);
      return reply;
    };
    for (const metadataKey of Reflect.getMetadataKeys(handle) as unknown[]) {
      Reflect.defineMetadata(metadataKey, Reflect.getMetadata(metadataKey, handle), checked);
    }
    descriptor.value = checked;
    Payload()(target, key, 0);
    MessagePattern(subject)(target, key, descriptor as PropertyDescriptor);
  };
}
