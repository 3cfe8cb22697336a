import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AgreementCommands, SUBJECTS } from '@concord/domain';
import { readEnvelope } from '@concord/messaging';
import { AgreementService } from './agreement.service';

const S = SUBJECTS.agreements;

/** NATS in, reply out: each subject of the agreement aggregate, one line each. */
@Controller()
export class AgreementHandler {
  constructor(@Inject(AgreementService) private readonly agreements: AgreementService) {}

  @MessagePattern(S.create)
  create(@Payload() m: unknown) {
    return this.agreements.create(readEnvelope(m, AgreementCommands.create));
  }

  @MessagePattern(S.get)
  get(@Payload() m: unknown) {
    return this.agreements.get(readEnvelope(m, AgreementCommands.get));
  }

  @MessagePattern(S.list)
  list(@Payload() m: unknown) {
    return this.agreements.list(readEnvelope(m, AgreementCommands.list));
  }

  @MessagePattern(S.update)
  update(@Payload() m: unknown) {
    return this.agreements.update(readEnvelope(m, AgreementCommands.update));
  }

  @MessagePattern(S.submitForReview)
  submitForReview(@Payload() m: unknown) {
    return this.agreements.submitForReview(readEnvelope(m, AgreementCommands.submitForReview));
  }

  @MessagePattern(S.legalDecision)
  legalDecision(@Payload() m: unknown) {
    return this.agreements.legalDecision(readEnvelope(m, AgreementCommands.legalDecision));
  }

  @MessagePattern(S.sign)
  sign(@Payload() m: unknown) {
    return this.agreements.sign(readEnvelope(m, AgreementCommands.sign));
  }

  @MessagePattern(S.suspend)
  suspend(@Payload() m: unknown) {
    return this.agreements.suspend(readEnvelope(m, AgreementCommands.suspend));
  }

  @MessagePattern(S.resume)
  resume(@Payload() m: unknown) {
    return this.agreements.resume(readEnvelope(m, AgreementCommands.resume));
  }

  @MessagePattern(S.addMilestone)
  addMilestone(@Payload() m: unknown) {
    return this.agreements.addMilestone(readEnvelope(m, AgreementCommands.addMilestone));
  }

  @MessagePattern(S.updateMilestone)
  updateMilestone(@Payload() m: unknown) {
    return this.agreements.updateMilestone(readEnvelope(m, AgreementCommands.updateMilestone));
  }

  @MessagePattern(S.payMilestone)
  payMilestone(@Payload() m: unknown) {
    return this.agreements.payMilestone(readEnvelope(m, AgreementCommands.payMilestone));
  }

  @MessagePattern(S.budget)
  budget(@Payload() m: unknown) {
    return this.agreements.budget(readEnvelope(m, AgreementCommands.budget));
  }

  @MessagePattern(S.publicRegister)
  publicRegister(@Payload() m: unknown) {
    return this.agreements.publicRegister(readEnvelope(m, AgreementCommands.publicRegister));
  }

  @MessagePattern(S.amend)
  amend(@Payload() m: unknown) {
    return this.agreements.amend(readEnvelope(m, AgreementCommands.amend));
  }

  @MessagePattern(S.amendmentDecision)
  amendmentDecision(@Payload() m: unknown) {
    return this.agreements.amendmentDecision(readEnvelope(m, AgreementCommands.amendmentDecision));
  }

  @MessagePattern(S.amendmentSign)
  amendmentSign(@Payload() m: unknown) {
    return this.agreements.amendmentSign(readEnvelope(m, AgreementCommands.amendmentSign));
  }

  @MessagePattern(S.addDocument)
  addDocument(@Payload() m: unknown) {
    return this.agreements.addDocument(readEnvelope(m, AgreementCommands.addDocument));
  }

  @MessagePattern(S.getDocument)
  getDocument(@Payload() m: unknown) {
    return this.agreements.getDocument(readEnvelope(m, AgreementCommands.getDocument));
  }

  @MessagePattern(S.terminate)
  terminate(@Payload() m: unknown) {
    return this.agreements.terminate(readEnvelope(m, AgreementCommands.terminate));
  }
}
