import { SUBJECTS } from '@concord/domain';
import { subjectHandler } from '@concord/service-kit';
import { AgreementService } from './agreement.service';

const S = SUBJECTS.agreements;

/** NATS in, reply out: each subject of the agreement aggregate, one line each. */
export const AgreementHandler = subjectHandler(
  'AgreementHandler',
  { agreements: AgreementService },
  {
    [S.create]: ({ agreements }, request) => agreements.create(request),
    [S.get]: ({ agreements }, request) => agreements.get(request),
    [S.list]: ({ agreements }, request) => agreements.list(request),
    [S.update]: ({ agreements }, request) => agreements.update(request),
    [S.submitForReview]: ({ agreements }, request) => agreements.submitForReview(request),
    [S.legalDecision]: ({ agreements }, request) => agreements.legalDecision(request),
    [S.sign]: ({ agreements }, request) => agreements.sign(request),
    [S.suspend]: ({ agreements }, request) => agreements.suspend(request),
    [S.resume]: ({ agreements }, request) => agreements.resume(request),
    [S.addMilestone]: ({ agreements }, request) => agreements.addMilestone(request),
    [S.updateMilestone]: ({ agreements }, request) => agreements.updateMilestone(request),
    [S.payMilestone]: ({ agreements }, request) => agreements.payMilestone(request),
    [S.budget]: ({ agreements }, request) => agreements.budget(request),
    [S.publicRegister]: ({ agreements }, request) => agreements.publicRegister(request),
    [S.amend]: ({ agreements }, request) => agreements.amend(request),
    [S.amendmentDecision]: ({ agreements }, request) => agreements.amendmentDecision(request),
    [S.amendmentSign]: ({ agreements }, request) => agreements.amendmentSign(request),
    [S.addDocument]: ({ agreements }, request) => agreements.addDocument(request),
    [S.getDocument]: ({ agreements }, request) => agreements.getDocument(request),
    [S.terminate]: ({ agreements }, request) => agreements.terminate(request),
  },
);
