import { SUBJECTS } from '@concord/domain';
import { subjectHandler } from '@concord/service-kit';
import { CreatorService } from './creator.service';

const S = SUBJECTS.registry;

/** NATS in, reply out: each subject of the creator aggregate, one line each. */
export const CreatorHandler = subjectHandler(
  'CreatorHandler',
  { creators: CreatorService },
  {
    [S.creatorCreate]: ({ creators }, request) => creators.register(request),
    [S.creatorGet]: ({ creators }, request) => creators.get(request),
    [S.creatorUpdate]: ({ creators }, request) => creators.update(request),
    [S.creatorChangeStatus]: ({ creators }, request) => creators.changeStatus(request),
    [S.creatorAddChannel]: ({ creators }, request) => creators.addChannel(request),
    [S.creatorAddVetting]: ({ creators }, request) => creators.addVetting(request),
    [S.creatorAddTraining]: ({ creators }, request) => creators.addTraining(request),
    [S.creatorAddIncident]: ({ creators }, request) => creators.addIncident(request),
    [S.creatorReadPersonalData]: ({ creators }, request) => creators.readPersonalData(request),
    [S.creatorList]: ({ creators }, request) => creators.list(request),
    [S.creatorDismissDuplicate]: ({ creators }, request) => creators.dismissDuplicate(request),
    [S.creatorDuplicates]: ({ creators }, request) => creators.duplicates(request),
    [S.creatorSelect]: ({ creators }, request) => creators.select(request),
    [S.creatorByHandle]: ({ creators }, request) => creators.byHandle(request),
  },
);
