import { Controller, Inject } from '@nestjs/common';
import { SUBJECTS } from '@concord/domain';
import { Handles, type RequestFor } from '@concord/messaging';
import { CreatorService } from './creator.service';

const S = SUBJECTS.registry;

/** NATS in, reply out: each subject of the creator aggregate, one line each. */
@Controller()
export class CreatorHandler {
  constructor(@Inject(CreatorService) private readonly creators: CreatorService) {}

  @Handles(S.creatorCreate)
  create(request: RequestFor<typeof S.creatorCreate>) {
    return this.creators.register(request);
  }

  @Handles(S.creatorGet)
  get(request: RequestFor<typeof S.creatorGet>) {
    return this.creators.get(request);
  }

  @Handles(S.creatorUpdate)
  update(request: RequestFor<typeof S.creatorUpdate>) {
    return this.creators.update(request);
  }

  @Handles(S.creatorChangeStatus)
  changeStatus(request: RequestFor<typeof S.creatorChangeStatus>) {
    return this.creators.changeStatus(request);
  }

  @Handles(S.creatorAddChannel)
  addChannel(request: RequestFor<typeof S.creatorAddChannel>) {
    return this.creators.addChannel(request);
  }

  @Handles(S.creatorAddVetting)
  addVetting(request: RequestFor<typeof S.creatorAddVetting>) {
    return this.creators.addVetting(request);
  }

  @Handles(S.creatorAddTraining)
  addTraining(request: RequestFor<typeof S.creatorAddTraining>) {
    return this.creators.addTraining(request);
  }

  @Handles(S.creatorAddIncident)
  addIncident(request: RequestFor<typeof S.creatorAddIncident>) {
    return this.creators.addIncident(request);
  }

  @Handles(S.creatorReadPersonalData)
  readPersonalData(request: RequestFor<typeof S.creatorReadPersonalData>) {
    return this.creators.readPersonalData(request);
  }

  @Handles(S.creatorList)
  list(request: RequestFor<typeof S.creatorList>) {
    return this.creators.list(request);
  }

  @Handles(S.creatorDismissDuplicate)
  dismissDuplicate(request: RequestFor<typeof S.creatorDismissDuplicate>) {
    return this.creators.dismissDuplicate(request);
  }

  @Handles(S.creatorDuplicates)
  duplicates(request: RequestFor<typeof S.creatorDuplicates>) {
    return this.creators.duplicates(request);
  }

  @Handles(S.creatorSelect)
  select(request: RequestFor<typeof S.creatorSelect>) {
    return this.creators.select(request);
  }

  @Handles(S.creatorByHandle)
  byHandle(request: RequestFor<typeof S.creatorByHandle>) {
    return this.creators.byHandle(request);
  }
}
