import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { placeFieldErrors } from '../../api/problem';
import { FieldErrors } from '../../components/messages';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { keyed } from '../../lib/idempotency';
import {
  buildAmendment,
  changedTerms,
  draftFromTerms,
  inputIdOf,
  TERM_FIELD_PATHS,
  termPaths,
  toFormPaths,
  validateAmendment,
  validateUpdate,
  type DeliverableDraft,
  type Terms,
  type TermsDraft,
} from './agreement-form';
import { Disclosure, WriteProblem, type WriteProps } from './outcome';
import { TermsFields, useWordedErrors } from './terms-fields';
import { TextArea } from '../../components/text-field';

type Values = TermsDraft & { reason: string };

/**
 * Changes the terms: a draft is edited in place (PATCH, at the version read:
 * If-Match), a signed agreement gets an amendment proposed (a new version with
 * a reason). Only the terms that differ are sent.
 */
export function TermsChangeForm({ agreement, mode, onDone, onStale }: WriteProps & { mode: 'edit' | 'amend' }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const worded = useWordedErrors();
  const current: Terms = agreement;
  const [open, setOpen] = useState(false);
  const form = useForm<Values, unknown>({
    initial: () => ({ ...draftFromTerms(current), reason: '' }),
    validate: (values) => {
      if (mode === 'edit') {
        const { changes, deliverableRows } = changedTerms(values, current);
        return toFormPaths(validateUpdate(changes), deliverableRows);
      }
      const { body, deliverableRows } = buildAmendment(values, current, values.reason);
      return toFormPaths(validateAmendment(body), deliverableRows);
    },
    request: (values) => {
      const path = { id: agreement.id };
      if (mode === 'edit') {
        const { changes, deliverableRows } = changedTerms(values, current);
        return {
          body: { changes, version: agreement.version },
          send: (key) =>
            settle(
              api.PATCH('/v1/agreements/{id}', {
                params: { path, header: { 'Idempotency-Key': key, 'If-Match': `"v${agreement.version}"` } },
                body: changes,
              }),
            ),
          toForm: (errors) => toFormPaths(errors, deliverableRows),
        };
      }
      const { body, deliverableRows } = buildAmendment(values, current, values.reason);
      return {
        body,
        send: (key) => settle(api.POST('/v1/agreements/{id}/amendments', { params: keyed(key, path), body })),
        toForm: (errors) => toFormPaths(errors, deliverableRows),
      };
    },
    onDone: () => {
      setOpen(false);
      onDone(t(`agreementsArea.actions.${mode}.done`));
    },
    onStale,
  });
  const id = mode === 'edit' ? 'edit-draft' : 'amend';
  const errors = worded(form.errors, form.problem);
  const placed = placeFieldErrors(errors, ['reason', 'changes', ...termPaths(form.values)]);
  const errorsAt = (path: string) => placed.byField.get(path) ?? [];

  return (
    <div className="terms-change">
      <Disclosure
        label={t(`agreementsArea.actions.${mode}.open`)}
        open={open}
        setOpen={(next) => {
          if (next) form.reset({ ...draftFromTerms(current), reason: form.values.reason });
          setOpen(next);
        }}
      >
        <form onSubmit={(e) => void form.submit(e)} noValidate aria-busy={form.busy} aria-labelledby={`${id}-heading`}>
          <h3 id={`${id}-heading`}>{t(`agreementsArea.actions.${mode}.title`)}</h3>
          <p className="hint">{t(`agreementsArea.actions.${mode}.intro`)}</p>
          <WriteProblem form={form} placedAll={placed.unplaced.length === 0 && errors.length > 0} />
          {placed.unplaced.length > 0 && (
            <div className="alert alert-error" role="alert">
              <p>{placed.unplaced.map((e) => e.message).join(' ')}</p>
            </div>
          )}
          <FieldErrors id={`${id}-changes-error`} errors={errorsAt('changes')} />
          <TermsFields
            form={id}
            draft={form.values}
            errorsAt={errorsAt}
            onField={(field, value) => form.edit(TERM_FIELD_PATHS[field], (d) => ({ ...d, [field]: value }))}
            onDeliverables={(path, rows: (rows: DeliverableDraft[]) => DeliverableDraft[]) =>
              form.edit(path, (d) => ({ ...d, deliverables: rows(d.deliverables) }))
            }
          />
          {mode === 'amend' && (
            <TextArea
              id={inputIdOf(id, 'reason')}
              label={t('agreementsArea.actions.amend.reason')}
              hint={t('agreementsArea.actions.amend.reasonHint')}
              errors={errorsAt('reason')}
              rows={2}
              {...form.bind('reason')}
            />
          )}
          <button type="submit" className="button-primary" disabled={form.busy}>
            {t(`agreementsArea.actions.${mode}.submit`)}
          </button>
        </form>
      </Disclosure>
    </div>
  );
}
