import { describeLifecycle } from '../state-machine.test-helpers';
import { submissionMachine } from './submission-status.machine';

describeLifecycle({
  title: 'submission',
  what: 'A submission',
  code: 'submission.status_transition_forbidden',
  statuses: ['in_review', 'changes_requested', 'approved', 'rejected', 'withdrawn'],
  final: ['approved', 'rejected', 'withdrawn'],
  arrows: [
    'in_review --approve_stage--> in_review',
    'in_review --approve--> approved',
    'in_review --request_changes--> changes_requested',
    'in_review --reject--> rejected',
    'in_review --withdraw--> withdrawn',
    'changes_requested --resubmit--> in_review',
    'changes_requested --withdraw--> withdrawn',
  ],
  machine: submissionMachine,
});
