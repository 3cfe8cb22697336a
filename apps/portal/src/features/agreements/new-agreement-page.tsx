import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { settle } from '../../api/client';
import { placeFieldErrors } from '../../api/problem';
import { ErrorSummary } from '../../components/error-summary';
import { ProblemAlert } from '../../components/messages';
import { FormPage } from '../../components/form-page';
import { useForm } from '../../lib/use-form';
import { useApiClient, useSession } from '../../session/session';
import {
  buildCreateRequest,
  emptyAgreementDraft,
  inputIdOf,
  TERM_FIELD_PATHS,
  termPaths,
  toFormPaths,
  validateCreate,
  type AgreementKind,
  type DeliverableDraft,
} from './agreement-form';
import { CounterpartyPicker } from './counterparty-picker';
import { TermsFields, useWordedErrors } from './terms-fields';
import { FormActions } from '../../components/form-actions';
import { Radios } from '../../components/radios';
import { FieldGroup } from '../../components/field';

const FORM = 'new-agreement';
const KINDS: AgreementKind[] = ['service_contract', 'memorandum'];

/**
 * Drafts an agreement with a registered creator or management company.
 * Checks what it can before sending (the domain's contract), then shows every
 * error the API returns next to its field; what was typed stays as it was.
 */
export default function NewAgreementPage() {
  const { t } = useTranslation();
  const worded = useWordedErrors();
  const api = useApiClient();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm({
    initial: () => emptyAgreementDraft(params.get('counterparty') ?? ''),
    validate: (draft) => {
      const { body, deliverableRows } = buildCreateRequest(draft);
      return toFormPaths(validateCreate(body), deliverableRows);
    },
    request: (draft) => {
      const { body, deliverableRows } = buildCreateRequest(draft);
      return {
        body,
        send: (key) => settle(api.POST('/v1/agreements', { body, params: { header: { 'Idempotency-Key': key } } })),
        toForm: (errors) => toFormPaths(errors, deliverableRows),
      };
    },
    onDone: (drafted) => void navigate(`/agreements/${drafted.id}`, { state: { drafted: true } }),
  });
  const { values: draft, problem, busy } = form;
  const shown = worded(form.errors, problem);
  const placed = placeFieldErrors(shown, ['kind', 'counterpartyId', ...termPaths(draft)]);
  const errorsAt = (path: string) => placed.byField.get(path) ?? [];

  return (
    <FormPage
      back={{ to: '/agreements', label: t('agreementsArea.nav') }}
      title={t('agreementsArea.new.title')}
      intro={t('agreementsArea.new.intro')}
      forbidden={
        session.me &&
        !session.can('create', 'Agreement') && <ProblemAlert problem={{ code: 'auth.forbidden', detail: '' }} />
      }
      summary={
        <ErrorSummary
          title={t('agreementsArea.form.summaryTitle')}
          placed={placed}
          problem={problem}
          inputId={(path) => inputIdOf(FORM, path)}
        />
      }
      form={form}
    >
      <FieldGroup id={inputIdOf(FORM, 'kind')} legend={t('agreementsArea.form.kind')} errors={errorsAt('kind')}>
        <Radios name="kind" values={KINDS} text={(kind) => t(`agreementsArea.kind.${kind}`)} {...form.choose('kind')} />
      </FieldGroup>

      <CounterpartyPicker
        value={draft.counterpartyId}
        errors={errorsAt('counterpartyId')}
        onChange={(id) => form.set('counterpartyId', id)}
      />

      <TermsFields
        form={FORM}
        draft={draft}
        errorsAt={errorsAt}
        onField={(field, value) => form.edit(TERM_FIELD_PATHS[field], (d) => ({ ...d, [field]: value }))}
        onDeliverables={(path, change: (rows: DeliverableDraft[]) => DeliverableDraft[]) =>
          form.edit(path, (d) => ({ ...d, deliverables: change(d.deliverables) }))
        }
      />

      <FormActions busy={busy} submit={t('agreementsArea.new.submit')} submitting={t('agreementsArea.new.submitting')}>
        <Link to="/agreements">{t('agreementsArea.new.cancel')}</Link>
      </FormActions>
    </FormPage>
  );
}
