import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreatorByHandleRequest, CreatorCommands, CreatorSelectRequest, SUBJECTS } from '@concord/domain';
import { readEnvelope } from '@concord/messaging';
import { CreatorService } from './creator.service';

const S = SUBJECTS.registry;

/** NATS in, reply out: each subject of the creator aggregate, one line each. */
@Controller()
export class CreatorHandler {
  constructor(@Inject(CreatorService) private readonly creators: CreatorService) {}

  @MessagePattern(S.creatorCreate)
  create(@Payload() m: unknown) {
    return this.creators.register(readEnvelope(m, CreatorCommands.create));
  }

  @MessagePattern(S.creatorGet)
  get(@Payload() m: unknown) {
    return this.creators.get(readEnvelope(m, CreatorCommands.get));
  }

  @MessagePattern(S.creatorUpdate)
  update(@Payload() m: unknown) {
    return this.creators.update(readEnvelope(m, CreatorCommands.update));
  }

  @MessagePattern(S.creatorChangeStatus)
  changeStatus(@Payload() m: unknown) {
    return this.creators.changeStatus(readEnvelope(m, CreatorCommands.changeStatus));
  }

  @MessagePattern(S.creatorAddChannel)
  addChannel(@Payload() m: unknown) {
    return this.creators.addChannel(readEnvelope(m, CreatorCommands.addChannel));
  }

  @MessagePattern(S.creatorAddVetting)
  addVetting(@Payload() m: unknown) {
    return this.creators.addVetting(readEnvelope(m, CreatorCommands.addVetting));
  }

  @MessagePattern(S.creatorAddTraining)
  addTraining(@Payload() m: unknown) {
    return this.creators.addTraining(readEnvelope(m, CreatorCommands.addTraining));
  }

  @MessagePattern(S.creatorAddIncident)
  addIncident(@Payload() m: unknown) {
    return this.creators.addIncident(readEnvelope(m, CreatorCommands.addIncident));
  }

  @MessagePattern(S.creatorReadPersonalData)
  readPersonalData(@Payload() m: unknown) {
    return this.creators.readPersonalData(readEnvelope(m, CreatorCommands.readPersonalData));
  }

  @MessagePattern(S.creatorList)
  list(@Payload() m: unknown) {
    return this.creators.list(readEnvelope(m, CreatorCommands.list));
  }

  @MessagePattern(S.creatorDismissDuplicate)
  dismissDuplicate(@Payload() m: unknown) {
    return this.creators.dismissDuplicate(readEnvelope(m, CreatorCommands.dismissDuplicate));
  }

  @MessagePattern(S.creatorDuplicates)
  duplicates(@Payload() m: unknown) {
    return this.creators.duplicates(readEnvelope(m, CreatorCommands.duplicates));
  }

  @MessagePattern(S.creatorSelect)
  select(@Payload() m: unknown) {
    return this.creators.select(readEnvelope(m, CreatorSelectRequest));
  }

  @MessagePattern(S.creatorByHandle)
  byHandle(@Payload() m: unknown) {
    return this.creators.byHandle(readEnvelope(m, CreatorByHandleRequest));
  }
}
