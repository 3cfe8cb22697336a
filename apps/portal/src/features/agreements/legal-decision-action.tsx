import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { fieldProblem, type FieldProblem } from '../../api/problem';
import { FieldErrors } from '../../components/messages';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { ActionForm, useVersionedLabel, type WriteProps } from './outcome';
import { keyed } from '../../lib/idempotency';
import { useFormErrors } from './terms-fields';
import { Radios } from '../../components/radios';
import { TextArea } from '../../components/text-field';

type Decision = 'approve' | 'return';

/** Legal review of the agreement, or of amendment `version`: approve or return, with comments. */
export function LegalDecisionAction({ agreement, version, onDone, onStale }: WriteProps & { version?: number }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const form = useForm({
    initial: { decision: '' as Decision | '', comments: '' },
    validate: ({ decision, comments }) => {
      const missing: FieldProblem[] = [];
      if (!decision) missing.push(fieldProblem('decision', 'required'));
      if (!comments.trim()) missing.push(fieldProblem('comments', 'required'));
      return missing;
    },
    request: ({ decision, comments }) => {
      const body = { decision: decision as Decision, comments: comments.trim() };
      return {
        body,
        send: (key) =>
          version
            ? settle(
                api.POST('/v1/agreements/{id}/amendments/{version}/legal-decision', {
                  params: keyed(key, { id: agreement.id, version }),
                  body,
                }),
              )
            : settle(
                api.POST('/v1/agreements/{id}/legal-decision', { params: keyed(key, { id: agreement.id }), body }),
              ),
      };
    },
    onDone: (_, { decision }) =>
      onDone(t(`agreementsArea.actions.legal.done.${decision as Decision}`, { n: version ?? 1 })),
    onStale,
  });
  const id = version ? `amendment-decision` : 'legal-decision';
  const { errors, at } = useFormErrors(form);
  const label = useVersionedLabel('legal', version);
  return (
    <ActionForm
      label={label}
      title={label}
      form={form}
      placedAll={errors.length > 0}
      submit={t('agreementsArea.actions.legal.submit')}
    >
      <fieldset
        className="field"
        id={`${id}-choice`}
        aria-describedby={at('decision').length ? `${id}-choice-error` : undefined}
      >
        <legend className="legend-label">{t('agreementsArea.actions.legal.decision')}</legend>
        <FieldErrors id={`${id}-choice-error`} errors={at('decision')} />
        <Radios
          name={`${id}-decision`}
          values={['approve', 'return'] as const}
          text={(d) => t(`agreementsArea.actions.legal.${d}`)}
          {...form.choose('decision')}
        />
      </fieldset>
      <TextArea
        id={`${id}-comments`}
        label={t('agreementsArea.actions.legal.comments')}
        hint={t('agreementsArea.actions.legal.commentsHint')}
        errors={at('comments')}
        rows={3}
        {...form.bind('comments')}
      />
    </ActionForm>
  );
}
