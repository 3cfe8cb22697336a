import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { ProblemAlert } from '../../components/messages';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { ContentFields, contentBody, emptyMedia, toRowPaths, type ContentDraft } from './content-form';
import { MetricsForm } from './metrics-form';
import { PublicationForm } from './publication-form';
import type { OnDone, Submission, Version } from './submission';
import { Section } from '../../components/section';
import { keyed } from '../../lib/idempotency';
import { TextArea } from '../../components/text-field';

/** What the creator does next: a new version when changes are asked, the publication, its reach, or withdraw. */
export function CreatorActions({
  submission,
  latest,
  onDone,
}: {
  submission: Submission;
  latest: Version;
  onDone: OnDone;
}) {
  const open = submission.status === 'in_review' || submission.status === 'changes_requested';
  return (
    <>
      {submission.status === 'changes_requested' && (
        <NewVersionForm submission={submission} latest={latest} onDone={onDone} />
      )}
      {submission.status === 'approved' && !submission.publication && (
        <PublicationForm submission={submission} onDone={onDone} />
      )}
      {submission.publication && <MetricsForm publication={submission.publication} onDone={onDone} />}
      {open && <WithdrawForm submission={submission} onDone={onDone} />}
    </>
  );
}

/** The version the reviewers asked changes of, to change and send again. */
function NewVersionForm({ submission, latest, onDone }: { submission: Submission; latest: Version; onDone: OnDone }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const form = useForm<ContentDraft, unknown>({
    initial: () => ({
      title: latest.title ?? '',
      text: latest.text,
      media: latest.media.length
        ? latest.media.map((m) => ({
            ...emptyMedia(),
            url: m.url,
            mimeType: m.mimeType,
            sizeBytes: String(m.sizeBytes),
            sha256: m.sha256,
          }))
        : [emptyMedia()],
    }),
    request: (draft) => {
      const { body, rows } = contentBody(draft);
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/submissions/{id}/versions', { params: keyed(key, { id: submission.id }), body })),
        toForm: (errors) => toRowPaths(errors, rows),
      };
    },
    onDone: () => onDone(t('submission.newVersion.sent')),
  });
  return (
    <Section id="new-version-title" title="submission.newVersion.title">
      <p className="hint">{t('submission.newVersion.intro')}</p>
      {form.problem && !form.errors.length && <ProblemAlert problem={form.problem} />}
      <form onSubmit={(e) => void form.submit(e)} noValidate aria-busy={form.busy}>
        <ContentFields
          prefix="new-version"
          draft={form.values}
          onChange={(draft) => form.setValues(() => draft)}
          errors={form.errors}
          problem={form.problem}
        />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t('submission.newVersion.submit')}
        </button>
      </form>
    </Section>
  );
}

/** The creator takes the submission back, with a reason if they like. */
function WithdrawForm({ submission, onDone }: { submission: Submission; onDone: OnDone }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [open, setOpen] = useState(false);
  const form = useForm({
    initial: { reason: '' },
    request: ({ reason }) => {
      const body = reason.trim() ? { reason: reason.trim() } : {};
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/submissions/{id}/withdraw', { params: keyed(key, { id: submission.id }), body })),
      };
    },
    onDone: () => onDone(t('submission.withdraw.done')),
  });
  return (
    <Section id="withdraw-title" title="submission.withdraw.title">
      {form.problem && <ProblemAlert problem={form.problem} />}
      {!open ? (
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {t('submission.withdraw.open')}
        </button>
      ) : (
        <form onSubmit={(e) => void form.submit(e)} noValidate>
          <TextArea
            id="withdraw-reason"
            label={t('submission.withdraw.reason')}
            optional={t('register.optional')}
            rows={2}
            {...form.bind('reason')}
            autoFocus
          />
          <button type="submit" className="button-secondary" disabled={form.busy}>
            {t('submission.withdraw.submit')}
          </button>
        </form>
      )}
    </Section>
  );
}
