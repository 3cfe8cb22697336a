/**
 * NATS subjects, as written in code. On the wire every subject is namespaced
 * by the environment (`CONCORD_ENV`): `concord.registry.creator.create`
 * travels as `concord.<env>.registry.creator.create`, so two systems sharing
 * one NATS server never answer or consume each other's messages.
 */
export const SUBJECTS = {
  registry: {
    health: 'concord.registry.health.check',
    creatorCreate: 'concord.registry.creator.create',
    creatorGet: 'concord.registry.creator.get',
    creatorUpdate: 'concord.registry.creator.update',
    creatorChangeStatus: 'concord.registry.creator.change_status',
    creatorAddChannel: 'concord.registry.creator.add_channel',
    creatorAddVetting: 'concord.registry.creator.add_vetting',
    creatorAddTraining: 'concord.registry.creator.add_training',
    creatorAddIncident: 'concord.registry.creator.add_incident',
    creatorReadPersonalData: 'concord.registry.creator.read_personal_data',
    creatorList: 'concord.registry.creator.list',
    creatorDuplicates: 'concord.registry.creator.duplicates',
    creatorDismissDuplicate: 'concord.registry.creator.dismiss_duplicate',
    /** Tasking's fan-outs: creators by id or filter, a page at a time. */
    creatorSelect: 'concord.registry.creator.select',
    /** Development sign-in of `creator@<handle>`. */
    creatorByHandle: 'concord.registry.creator.by_handle',
    auditList: 'concord.registry.audit.list',
    auditVerify: 'concord.registry.audit.verify',
    auditExport: 'concord.registry.audit.export',
  },
  agreements: {
    health: 'concord.agreements.health.check',
    create: 'concord.agreements.agreement.create',
    get: 'concord.agreements.agreement.get',
    list: 'concord.agreements.agreement.list',
    update: 'concord.agreements.agreement.update',
    submitForReview: 'concord.agreements.agreement.submit_for_review',
    legalDecision: 'concord.agreements.agreement.legal_decision',
    sign: 'concord.agreements.agreement.sign',
    suspend: 'concord.agreements.agreement.suspend',
    resume: 'concord.agreements.agreement.resume',
    terminate: 'concord.agreements.agreement.terminate',
    addMilestone: 'concord.agreements.milestone.add',
    updateMilestone: 'concord.agreements.milestone.update',
    payMilestone: 'concord.agreements.milestone.pay',
    budget: 'concord.agreements.budget.report',
    publicRegister: 'concord.agreements.public.partnerships',
    amend: 'concord.agreements.amendment.create',
    amendmentDecision: 'concord.agreements.amendment.legal_decision',
    amendmentSign: 'concord.agreements.amendment.sign',
    addDocument: 'concord.agreements.document.add',
    getDocument: 'concord.agreements.document.get',
    auditList: 'concord.agreements.audit.list',
    auditVerify: 'concord.agreements.audit.verify',
    auditExport: 'concord.agreements.audit.export',
  },
  tasking: {
    health: 'concord.tasking.health.check',
    campaignCreate: 'concord.tasking.campaign.create',
    campaignGet: 'concord.tasking.campaign.get',
    campaignList: 'concord.tasking.campaign.list',
    campaignActivate: 'concord.tasking.campaign.activate',
    campaignClose: 'concord.tasking.campaign.close',
    campaignCancel: 'concord.tasking.campaign.cancel',
    campaignAddPartner: 'concord.tasking.campaign.add_partner',
    requestCreate: 'concord.tasking.campaign_request.create',
    requestGet: 'concord.tasking.campaign_request.get',
    requestList: 'concord.tasking.campaign_request.list',
    requestAccept: 'concord.tasking.campaign_request.accept',
    requestDecline: 'concord.tasking.campaign_request.decline',
    requestCounter: 'concord.tasking.campaign_request.counter',
    requestWithdraw: 'concord.tasking.campaign_request.withdraw',
    taskCreate: 'concord.tasking.agency_task.create',
    taskGet: 'concord.tasking.agency_task.get',
    taskList: 'concord.tasking.agency_task.list',
    taskMove: 'concord.tasking.agency_task.move',
    briefCreate: 'concord.tasking.brief.create',
    briefList: 'concord.tasking.brief.list',
    fanOutStart: 'concord.tasking.fan_out.start',
    fanOutGet: 'concord.tasking.fan_out.get',
    fanOutCancel: 'concord.tasking.fan_out.cancel',
    assignmentList: 'concord.tasking.assignment.list',
    assignmentGet: 'concord.tasking.assignment.get',
    assignmentRespond: 'concord.tasking.assignment.respond',
    assignmentCancel: 'concord.tasking.assignment.cancel',
    assignmentProgress: 'concord.tasking.assignment.progress',
    calendar: 'concord.tasking.calendar.view',
    auditList: 'concord.tasking.audit.list',
    auditVerify: 'concord.tasking.audit.verify',
    auditExport: 'concord.tasking.audit.export',
  },
  approvals: {
    health: 'concord.approvals.health.check',
    workflowGet: 'concord.approvals.workflow.get',
    workflowSet: 'concord.approvals.workflow.set',
    workflowConsent: 'concord.approvals.workflow.consent',
    submit: 'concord.approvals.submission.create',
    addVersion: 'concord.approvals.submission.add_version',
    get: 'concord.approvals.submission.get',
    diff: 'concord.approvals.submission.diff',
    comment: 'concord.approvals.submission.comment',
    decide: 'concord.approvals.submission.decide',
    override: 'concord.approvals.submission.override',
    withdraw: 'concord.approvals.submission.withdraw',
    reviews: 'concord.approvals.review.queue',
    publish: 'concord.approvals.publication.record',
    metrics: 'concord.approvals.metrics.report',
    report: 'concord.approvals.campaign.report',
    auditList: 'concord.approvals.audit.list',
    auditVerify: 'concord.approvals.audit.verify',
    auditExport: 'concord.approvals.audit.export',
  },
} as const;

/** Events (JetStream), past tense. */
export const EVENTS = {
  registry: {
    creatorRegistered: 'concord.events.registry.creator.registered',
    creatorUpdated: 'concord.events.registry.creator.updated',
    creatorStatusChanged: 'concord.events.registry.creator.status_changed',
    auditCheckpointed: 'concord.events.audit.registry.checkpointed',
  },
  agreements: {
    approved: 'concord.events.agreements.agreement.approved',
    signed: 'concord.events.agreements.agreement.signed',
    activated: 'concord.events.agreements.agreement.activated',
    suspended: 'concord.events.agreements.agreement.suspended',
    ended: 'concord.events.agreements.agreement.ended',
    amended: 'concord.events.agreements.agreement.amended',
    auditCheckpointed: 'concord.events.audit.agreements.checkpointed',
  },
  tasking: {
    campaignCreated: 'concord.events.tasking.campaign.created',
    campaignStatusChanged: 'concord.events.tasking.campaign.status_changed',
    requestSubmitted: 'concord.events.tasking.campaign_request.submitted',
    requestAnswered: 'concord.events.tasking.campaign_request.answered',
    taskProposed: 'concord.events.tasking.agency_task.proposed',
    taskStatusChanged: 'concord.events.tasking.agency_task.status_changed',
    briefPublished: 'concord.events.tasking.brief.published',
    assignmentOffered: 'concord.events.tasking.assignment.offered',
    assignmentStatusChanged: 'concord.events.tasking.assignment.status_changed',
    fanOutProgressed: 'concord.events.tasking.fan_out.progressed',
    fanOutCompleted: 'concord.events.tasking.fan_out.completed',
    fanOutFailed: 'concord.events.tasking.fan_out.failed',
    fanOutCancelled: 'concord.events.tasking.fan_out.cancelled',
    auditCheckpointed: 'concord.events.audit.tasking.checkpointed',
  },
  /** The content approval service's events (tasking moves assignments with them). */
  approvals: {
    submissionSubmitted: 'concord.events.approvals.submission.submitted',
    submissionChangesRequested: 'concord.events.approvals.submission.changes_requested',
    submissionApproved: 'concord.events.approvals.submission.approved',
    submissionRejected: 'concord.events.approvals.submission.rejected',
    submissionWithdrawn: 'concord.events.approvals.submission.withdrawn',
    stageOverdue: 'concord.events.approvals.review.stage_overdue',
    publicationRecorded: 'concord.events.approvals.publication.recorded',
    metricsReported: 'concord.events.approvals.metrics.reported',
    auditCheckpointed: 'concord.events.audit.approvals.checkpointed',
  },
} as const;

export function namespaceSubject(env: string, subject: string): string {
  if (!subject.startsWith('concord.')) {
    throw new Error(`Subject ${subject} is not a Concord subject`);
  }
  return `concord.${env}.${subject.slice('concord.'.length)}`;
}

/** The JetStream stream holding one environment's events. */
export function eventStreamName(env: string): string {
  if (!ENV_NAME_PATTERN.test(env)) throw new Error(`Bad environment name ${env}`);
  return `CONCORD_EVENTS_${env.toUpperCase()}`;
}

/** A durable consumer's name, namespaced like everything else. */
export function durableName(env: string, service: string, purpose: string): string {
  return `${env}_${service}_${purpose}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Environment names: lower-case letters, digits and `_`, so each maps to
 * exactly one subject token and one stream name.
 */
export const ENV_NAME_PATTERN = /^[a-z0-9][a-z0-9_]{0,31}$/;
