import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BRIEF_KINDS } from '@concord/domain';
import { settle, type Schemas } from '../../api/client';
import { fieldProblem } from '../../api/problem';
import { DateInput } from '../../components/date-input';
import { EnumField } from '../../components/enum-field';
import { Field } from '../../components/field';
import { ProblemAlert } from '../../components/messages';
import { isoToLocal, localToIso } from '../../lib/local-time';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { ContentFields, contentBody, emptyMedia, toRowPaths, type ContentDraft } from './content-form';
import { FormActions } from '../../components/form-actions';
import { keyed } from '../../lib/idempotency';

type Assignment = Schemas['AssignmentView'];
type Platform = Schemas['Submission']['platform'];
type Kind = Schemas['Submission']['kind'];
type Values = ContentDraft & { platform: Platform; kind: Kind; plannedAt: string };

const OWN_FIELDS = ['platform', 'kind', 'plannedAt'];

/** The content of an accepted assignment: where, what kind, when it is to be published, and the content itself. */
export function SubmitForm({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const navigate = useNavigate();
  const form = useForm<Values, Schemas['SubmissionView']>({
    initial: () => ({
      platform: assignment.brief.platforms[0] ?? 'tiktok',
      kind: assignment.brief.kind,
      plannedAt: isoToLocal(assignment.window.start),
      title: '',
      text: '',
      media: [emptyMedia()],
    }),
    validate: ({ plannedAt }) =>
      localToIso(plannedAt) ? [] : [fieldProblem('plannedAt', 'required', 'Choose a time')],
    request: (values) => {
      const content = contentBody(values);
      const body = {
        ...content.body,
        platform: values.platform,
        kind: values.kind,
        plannedAt: localToIso(values.plannedAt) ?? '',
      };
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/assignments/{id}/submissions', { params: keyed(key, { id: assignment.id }), body })),
        toForm: (errors) => toRowPaths(errors, content.rows),
      };
    },
    onDone: (submission) => void navigate(`/submissions/${submission.id}`, { state: { submitted: true } }),
  });
  const { values, problem, busy } = form;
  const own = (path: string) => form.errors.filter((e) => e.path === path);
  const rest = form.errors.filter((e) => !OWN_FIELDS.includes(e.path));

  return (
    <>
      <p className="lead">
        {assignment.brief.title} · {assignment.campaign.title}
      </p>
      <div className="alert alert-info">
        <p>
          {t('submit.reminder')}{' '}
          {assignment.disclosureLabel && <span className="label-chip">{assignment.disclosureLabel}</span>}{' '}
          {assignment.campaign.requiredHashtags.map((tag) => (
            <span key={tag} className="label-chip">
              {tag}
            </span>
          ))}
        </p>
      </div>
      {form.errors.length > 0 ? (
        <div role="alert" className="alert alert-error">
          <p>{t('problem.validation.failed')}</p>
        </div>
      ) : (
        problem && <ProblemAlert problem={problem} />
      )}
      <form onSubmit={(e) => void form.submit(e)} noValidate aria-busy={busy}>
        <div className="field-row">
          <EnumField
            id="submit-platform"
            label={t('submit.platform')}
            errors={own('platform')}
            problem={problem}
            values={assignment.brief.platforms}
            text={(platform) => t(`enums.platform.${platform}`)}
            {...form.choose('platform')}
          />
          <EnumField
            id="submit-kind"
            label={t('submit.kind')}
            errors={own('kind')}
            problem={problem}
            values={BRIEF_KINDS}
            text={(kind) => t(`enums.contentKind.${kind}`)}
            {...form.choose('kind')}
          />
          <Field id="submit-plannedAt" label={t('submit.plannedAt')} errors={own('plannedAt')} problem={problem}>
            {(props) => <DateInput {...props} kind="datetime-local" {...form.bind('plannedAt')} />}
          </Field>
        </div>
        <ContentFields
          prefix="submit"
          draft={values}
          onChange={(draft) => form.setValues((v) => ({ ...v, ...draft }))}
          errors={rest}
          problem={problem}
        />
        <FormActions busy={busy} submit={t('submit.send')} submitting={t('submit.sending')} />
      </form>
    </>
  );
}
