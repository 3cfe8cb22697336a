import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { LegalDecisionAction } from './legal-decision-action';
import { pendingAmendment, type LifecycleAction } from './lifecycle';
import { ActionForm, type WriteProps } from './outcome';
import { keyed } from '../../lib/idempotency';
import { ReasonAction } from './reason-action';
import { SignAction } from './sign-action';
import { TermsChangeForm } from './terms-change-form';
import { Section } from '../../components/section';

/** The lifecycle actions offered now, each a button opening its small form. */
export function AgreementActions({ agreement, actions, ...outcome }: WriteProps & { actions: LifecycleAction[] }) {
  const { t } = useTranslation();
  const amendment = pendingAmendment(agreement);
  const lifecycle = actions.filter(
    (a) => !['add_milestone', 'pay_milestone', 'upload_document', 'edit', 'amend'].includes(a),
  );
  const nothingHere = lifecycle.length === 0 && !actions.includes('edit') && !actions.includes('amend');
  // Someone whose only work is further down (milestones, documents) is not told there is nothing to do.
  if (nothingHere && actions.length > 0) return null;
  return (
    <Section id="actions-title" title="agreementsArea.actions.title">
      {nothingHere && <p className="empty">{t('agreementsArea.actions.none')}</p>}
      <div className="agreement-actions">
        {lifecycle.includes('submit') && <SubmitAction agreement={agreement} {...outcome} />}
        {lifecycle.includes('legal_decision') && <LegalDecisionAction agreement={agreement} {...outcome} />}
        {lifecycle.includes('sign') && <SignAction agreement={agreement} {...outcome} />}
        {amendment && lifecycle.includes('amendment_decision') && (
          <LegalDecisionAction agreement={agreement} version={amendment.version} {...outcome} />
        )}
        {amendment && lifecycle.includes('amendment_sign') && (
          <SignAction agreement={agreement} version={amendment.version} {...outcome} />
        )}
        {lifecycle.includes('suspend') && <ReasonAction agreement={agreement} action="suspend" {...outcome} />}
        {lifecycle.includes('resume') && <ReasonAction agreement={agreement} action="resume" {...outcome} />}
        {lifecycle.includes('terminate') && <ReasonAction agreement={agreement} action="terminate" {...outcome} />}
      </div>
      {actions.includes('edit') && <TermsChangeForm agreement={agreement} mode="edit" {...outcome} />}
      {actions.includes('amend') && <TermsChangeForm agreement={agreement} mode="amend" {...outcome} />}
    </Section>
  );
}

/** Sends a draft to legal review, once confirmed. */
function SubmitAction({ agreement, onDone, onStale }: WriteProps) {
  const { t } = useTranslation();
  const api = useApiClient();
  const form = useForm({
    initial: {},
    request: () => ({
      body: { submit: agreement.id },
      send: (key) =>
        settle(api.POST('/v1/agreements/{id}/submit-for-review', { params: keyed(key, { id: agreement.id }) })),
    }),
    onDone: () => onDone(t('agreementsArea.actions.submit.done')),
    onStale,
  });
  return (
    <ActionForm
      label={t('agreementsArea.actions.submit.open')}
      form={form}
      placedAll={false}
      intro={<p>{t('agreementsArea.actions.submit.confirm')}</p>}
      submit={t('agreementsArea.actions.submit.submit')}
    />
  );
}
