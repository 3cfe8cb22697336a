import { SUBJECTS } from '@concord/domain';
import { subjectHandler } from '@concord/service-kit';
import { AgencyTaskService } from './agency-task.service';
import { CampaignService } from './campaign.service';

const S = SUBJECTS.tasking;

/** NATS in, reply out: campaigns, joint campaign requests and agency tasks, one line each. */
export const CampaignHandler = subjectHandler(
  'CampaignHandler',
  { campaigns: CampaignService, tasks: AgencyTaskService },
  {
    [S.campaignCreate]: ({ campaigns }, request) => campaigns.createCampaign(request),
    [S.campaignGet]: ({ campaigns }, request) => campaigns.getCampaign(request),
    [S.campaignList]: ({ campaigns }, request) => campaigns.listCampaigns(request),
    [S.campaignActivate]: ({ campaigns }, request) => campaigns.activateCampaign(request),
    [S.campaignClose]: ({ campaigns }, request) => campaigns.closeCampaign(request),
    [S.campaignCancel]: ({ campaigns }, request) => campaigns.cancelCampaign(request),
    [S.campaignAddPartner]: ({ campaigns }, request) => campaigns.addPartner(request),
    [S.requestCreate]: ({ campaigns }, request) => campaigns.createRequest(request),
    [S.requestGet]: ({ campaigns }, request) => campaigns.getRequest(request),
    [S.requestList]: ({ campaigns }, request) => campaigns.listRequests(request),
    [S.requestAccept]: ({ campaigns }, request) => campaigns.acceptRequest(request),
    [S.requestDecline]: ({ campaigns }, request) => campaigns.declineRequest(request),
    [S.requestCounter]: ({ campaigns }, request) => campaigns.counterRequest(request),
    [S.requestWithdraw]: ({ campaigns }, request) => campaigns.withdrawRequest(request),
    [S.taskCreate]: ({ tasks }, request) => tasks.create(request),
    [S.taskGet]: ({ tasks }, request) => tasks.get(request),
    [S.taskList]: ({ tasks }, request) => tasks.list(request),
    [S.taskMove]: ({ tasks }, request) => tasks.move(request),
    [S.briefCreate]: ({ campaigns }, request) => campaigns.createBrief(request),
    [S.briefList]: ({ campaigns }, request) => campaigns.listBriefs(request),
  },
);
