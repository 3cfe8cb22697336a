import { Controller, Inject } from '@nestjs/common';
import { SUBJECTS } from '@concord/domain';
import { Handles, type RequestFor } from '@concord/messaging';
import { AgreementService } from './agreement.service';

const S = SUBJECTS.agreements;

/** NATS in, reply out: each subject of the agreement aggregate, one line each. */
@Controller()
export class AgreementHandler {
  constructor(@Inject(AgreementService) private readonly agreements: AgreementService) {}

  @Handles(S.create)
  create(request: RequestFor<typeof S.create>) {
    return this.agreements.create(request);
  }

  @Handles(S.get)
  get(request: RequestFor<typeof S.get>) {
    return this.agreements.get(request);
  }

  @Handles(S.list)
  list(request: RequestFor<typeof S.list>) {
    return this.agreements.list(request);
  }

  @Handles(S.update)
  update(request: RequestFor<typeof S.update>) {
    return this.agreements.update(request);
  }

  @Handles(S.submitForReview)
  submitForReview(request: RequestFor<typeof S.submitForReview>) {
    return this.agreements.submitForReview(request);
  }

  @Handles(S.legalDecision)
  legalDecision(request: RequestFor<typeof S.legalDecision>) {
    return this.agreements.legalDecision(request);
  }

  @Handles(S.sign)
  sign(request: RequestFor<typeof S.sign>) {
    return this.agreements.sign(request);
  }

  @Handles(S.suspend)
  suspend(request: RequestFor<typeof S.suspend>) {
    return this.agreements.suspend(request);
  }

  @Handles(S.resume)
  resume(request: RequestFor<typeof S.resume>) {
    return this.agreements.resume(request);
  }

  @Handles(S.addMilestone)
  addMilestone(request: RequestFor<typeof S.addMilestone>) {
    return this.agreements.addMilestone(request);
  }

  @Handles(S.updateMilestone)
  updateMilestone(request: RequestFor<typeof S.updateMilestone>) {
    return this.agreements.updateMilestone(request);
  }

  @Handles(S.payMilestone)
  payMilestone(request: RequestFor<typeof S.payMilestone>) {
    return this.agreements.payMilestone(request);
  }

  @Handles(S.budget)
  budget(request: RequestFor<typeof S.budget>) {
    return this.agreements.budget(request);
  }

  @Handles(S.publicRegister)
  publicRegister(request: RequestFor<typeof S.publicRegister>) {
    return this.agreements.publicRegister(request);
  }

  @Handles(S.amend)
  amend(request: RequestFor<typeof S.amend>) {
    return this.agreements.amend(request);
  }

  @Handles(S.amendmentDecision)
  amendmentDecision(request: RequestFor<typeof S.amendmentDecision>) {
    return this.agreements.amendmentDecision(request);
  }

  @Handles(S.amendmentSign)
  amendmentSign(request: RequestFor<typeof S.amendmentSign>) {
    return this.agreements.amendmentSign(request);
  }

  @Handles(S.addDocument)
  addDocument(request: RequestFor<typeof S.addDocument>) {
    return this.agreements.addDocument(request);
  }

  @Handles(S.getDocument)
  getDocument(request: RequestFor<typeof S.getDocument>) {
    return this.agreements.getDocument(request);
  }

  @Handles(S.terminate)
  terminate(request: RequestFor<typeof S.terminate>) {
    return this.agreements.terminate(request);
  }
}
