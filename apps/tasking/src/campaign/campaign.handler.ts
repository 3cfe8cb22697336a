import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CampaignCommands, SUBJECTS } from '@concord/domain';
import { readEnvelope } from '@concord/messaging';
import { AgencyTaskService } from './agency-task.service';
import { CampaignService } from './campaign.service';

const S = SUBJECTS.tasking;

/** NATS in, reply out: campaigns, joint campaign requests and agency tasks, one line each. */
@Controller()
export class CampaignHandler {
  constructor(
    @Inject(CampaignService) private readonly campaigns: CampaignService,
    @Inject(AgencyTaskService) private readonly tasks: AgencyTaskService,
  ) {}

  @MessagePattern(S.campaignCreate)
  create(@Payload() m: unknown) {
    return this.campaigns.createCampaign(readEnvelope(m, CampaignCommands.create));
  }

  @MessagePattern(S.campaignGet)
  get(@Payload() m: unknown) {
    return this.campaigns.getCampaign(readEnvelope(m, CampaignCommands.get));
  }

  @MessagePattern(S.campaignList)
  list(@Payload() m: unknown) {
    return this.campaigns.listCampaigns(readEnvelope(m, CampaignCommands.list));
  }

  @MessagePattern(S.campaignActivate)
  activate(@Payload() m: unknown) {
    return this.campaigns.activateCampaign(readEnvelope(m, CampaignCommands.activate));
  }

  @MessagePattern(S.campaignClose)
  close(@Payload() m: unknown) {
    return this.campaigns.closeCampaign(readEnvelope(m, CampaignCommands.close));
  }

  @MessagePattern(S.campaignCancel)
  cancel(@Payload() m: unknown) {
    return this.campaigns.cancelCampaign(readEnvelope(m, CampaignCommands.cancel));
  }

  @MessagePattern(S.campaignAddPartner)
  addPartner(@Payload() m: unknown) {
    return this.campaigns.addPartner(readEnvelope(m, CampaignCommands.addPartner));
  }

  @MessagePattern(S.requestCreate)
  requestCreate(@Payload() m: unknown) {
    return this.campaigns.createRequest(readEnvelope(m, CampaignCommands.requestCreate));
  }

  @MessagePattern(S.requestGet)
  requestGet(@Payload() m: unknown) {
    return this.campaigns.getRequest(readEnvelope(m, CampaignCommands.requestGet));
  }

  @MessagePattern(S.requestList)
  requestList(@Payload() m: unknown) {
    return this.campaigns.listRequests(readEnvelope(m, CampaignCommands.requestList));
  }

  @MessagePattern(S.requestAccept)
  requestAccept(@Payload() m: unknown) {
    return this.campaigns.acceptRequest(readEnvelope(m, CampaignCommands.requestAccept));
  }

  @MessagePattern(S.requestDecline)
  requestDecline(@Payload() m: unknown) {
    return this.campaigns.declineRequest(readEnvelope(m, CampaignCommands.requestDecline));
  }

  @MessagePattern(S.requestCounter)
  requestCounter(@Payload() m: unknown) {
    return this.campaigns.counterRequest(readEnvelope(m, CampaignCommands.requestCounter));
  }

  @MessagePattern(S.requestWithdraw)
  requestWithdraw(@Payload() m: unknown) {
    return this.campaigns.withdrawRequest(readEnvelope(m, CampaignCommands.requestWithdraw));
  }

  @MessagePattern(S.taskCreate)
  taskCreate(@Payload() m: unknown) {
    return this.tasks.create(readEnvelope(m, CampaignCommands.taskCreate));
  }

  @MessagePattern(S.taskGet)
  taskGet(@Payload() m: unknown) {
    return this.tasks.get(readEnvelope(m, CampaignCommands.taskGet));
  }

  @MessagePattern(S.taskList)
  taskList(@Payload() m: unknown) {
    return this.tasks.list(readEnvelope(m, CampaignCommands.taskList));
  }

  @MessagePattern(S.taskMove)
  taskMove(@Payload() m: unknown) {
    return this.tasks.move(readEnvelope(m, CampaignCommands.taskMove));
  }

  @MessagePattern(S.briefCreate)
  briefCreate(@Payload() m: unknown) {
    return this.campaigns.createBrief(readEnvelope(m, CampaignCommands.briefCreate));
  }

  @MessagePattern(S.briefList)
  briefList(@Payload() m: unknown) {
    return this.campaigns.listBriefs(readEnvelope(m, CampaignCommands.briefList));
  }
}
