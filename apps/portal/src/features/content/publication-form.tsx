import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import type { Problem } from '../../api/problem';
import { DateInput } from '../../components/date-input';
import { Field } from '../../components/field';
import { ProblemAlert, useMessage } from '../../components/messages';
import { localNow, localToIso } from '../../lib/local-time';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import type { OnDone, Submission } from './submission';
import { Section } from '../../components/section';
import { keyed } from '../../lib/idempotency';
import { TextField } from '../../components/text-field';

/** The creator records where and when the approved content was published. */
export function PublicationForm({ submission, onDone }: { submission: Submission; onDone: OnDone }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const form = useForm({
    initial: () => ({ url: '', publishedAt: localNow() }),
    request: ({ url, publishedAt }) => {
      const body = { url: url.trim(), publishedAt: localToIso(publishedAt) ?? '' };
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/submissions/{id}/publication', { params: keyed(key, { id: submission.id }), body })),
      };
    },
    onDone: () => onDone(t('submission.publication.done')),
  });
  const { problem } = form;
  const at = (path: string) => form.errors.filter((e) => e.path === path);
  return (
    <Section id="publication-title" title="submission.publication.title">
      {problem && (form.errors.length ? <ProblemAlertText problem={problem} /> : <ProblemAlert problem={problem} />)}
      <form onSubmit={(e) => void form.submit(e)} noValidate aria-busy={form.busy}>
        <TextField
          id="publication-url"
          label={t('submission.publication.url')}
          hint={t('submission.publication.urlHint', { platform: t(`enums.platform.${submission.platform}`) })}
          errors={at('url')}
          problem={problem}
          type="url"
          {...form.bind('url')}
          spellCheck={false}
        />
        <Field id="publication-at" label={t('submission.publication.at')} errors={at('publishedAt')} problem={problem}>
          {(props) => <DateInput {...props} kind="datetime-local" {...form.bind('publishedAt')} />}
        </Field>
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t('submission.publication.submit')}
        </button>
      </form>
    </Section>
  );
}

/** The problem's sentence, without repeating field errors shown in place. */
function ProblemAlertText({ problem }: { problem: Problem }): ReactNode {
  const say = useMessage();
  return (
    <div className="alert alert-error" role="alert">
      <p>{say({ keys: [`problem.${problem.code}`], values: {}, fallback: problem.detail })}</p>
    </div>
  );
}
