import { Controller, Inject } from '@nestjs/common';
import { SUBJECTS } from '@concord/domain';
import { Handles, type RequestFor } from '@concord/messaging';
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

  @Handles(S.campaignCreate)
  create(request: RequestFor<typeof S.campaignCreate>) {
    return this.campaigns.createCampaign(request);
  }

  @Handles(S.campaignGet)
  get(request: RequestFor<typeof S.campaignGet>) {
    return this.campaigns.getCampaign(request);
  }

  @Handles(S.campaignList)
  list(request: RequestFor<typeof S.campaignList>) {
    return this.campaigns.listCampaigns(request);
  }

  @Handles(S.campaignActivate)
  activate(request: RequestFor<typeof S.campaignActivate>) {
    return this.campaigns.activateCampaign(request);
  }

  @Handles(S.campaignClose)
  close(request: RequestFor<typeof S.campaignClose>) {
    return this.campaigns.closeCampaign(request);
  }

  @Handles(S.campaignCancel)
  cancel(request: RequestFor<typeof S.campaignCancel>) {
    return this.campaigns.cancelCampaign(request);
  }

  @Handles(S.campaignAddPartner)
  addPartner(request: RequestFor<typeof S.campaignAddPartner>) {
    return this.campaigns.addPartner(request);
  }

  @Handles(S.requestCreate)
  requestCreate(request: RequestFor<typeof S.requestCreate>) {
    return this.campaigns.createRequest(request);
  }

  @Handles(S.requestGet)
  requestGet(request: RequestFor<typeof S.requestGet>) {
    return this.campaigns.getRequest(request);
  }

  @Handles(S.requestList)
  requestList(request: RequestFor<typeof S.requestList>) {
    return this.campaigns.listRequests(request);
  }

  @Handles(S.requestAccept)
  requestAccept(request: RequestFor<typeof S.requestAccept>) {
    return this.campaigns.acceptRequest(request);
  }

  @Handles(S.requestDecline)
  requestDecline(request: RequestFor<typeof S.requestDecline>) {
    return this.campaigns.declineRequest(request);
  }

  @Handles(S.requestCounter)
  requestCounter(request: RequestFor<typeof S.requestCounter>) {
    return this.campaigns.counterRequest(request);
  }

  @Handles(S.requestWithdraw)
  requestWithdraw(request: RequestFor<typeof S.requestWithdraw>) {
    return this.campaigns.withdrawRequest(request);
  }

  @Handles(S.taskCreate)
  taskCreate(request: RequestFor<typeof S.taskCreate>) {
    return this.tasks.create(request);
  }

  @Handles(S.taskGet)
  taskGet(request: RequestFor<typeof S.taskGet>) {
    return this.tasks.get(request);
  }

  @Handles(S.taskList)
  taskList(request: RequestFor<typeof S.taskList>) {
    return this.tasks.list(request);
  }

  @Handles(S.taskMove)
  taskMove(request: RequestFor<typeof S.taskMove>) {
    return this.tasks.move(request);
  }

  @Handles(S.briefCreate)
  briefCreate(request: RequestFor<typeof S.briefCreate>) {
    return this.campaigns.createBrief(request);
  }

  @Handles(S.briefList)
  briefList(request: RequestFor<typeof S.briefList>) {
    return this.campaigns.listBriefs(request);
  }
}
