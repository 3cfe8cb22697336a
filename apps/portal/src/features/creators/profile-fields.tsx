import { useTranslation } from 'react-i18next';
import { TOPICS } from '@concord/domain';
import type { FieldProblem, Problem } from '../../api/problem';
import { DateInput } from '../../components/date-input';
import { Field, FieldGroup } from '../../components/field';
import { Checkboxes } from '../../components/radios';
import { TextField } from '../../components/text-field';

type Topic = (typeof TOPICS)[number];

/** What the profile fields hold, as typed (lists as `vi, en`). */
export interface ProfileDraft {
  topics: Topic[];
  languages: string;
  regions: string;
}

export interface ConsentDraft {
  /** `YYYY-MM-DD` from a date input. */
  consentGivenAt: string;
  consentScope: string;
  consentEvidence: string;
}

/** How a creator form ties these fields to itself: ids, errors by request path, and changes. */
interface FormTies<D> {
  draft: D;
  /** The id of the input that shows errors at `path` (also the error summary's link target). */
  inputId: (path: string) => string;
  errorsAt: (path: string) => FieldProblem[];
  problem?: Problem;
  /** A method, so that a form's own `update` of its larger draft fits. */
  onChange<K extends keyof D>(field: K, value: D[K]): void;
}

/** A creator's topics (checkboxes), languages and regions: the same on the register and the edit form. */
export function ProfileFields({ draft, inputId, errorsAt, problem, onChange }: FormTies<ProfileDraft>) {
  const { t } = useTranslation();
  const control = (path: 'topics' | 'languages' | 'regions') => ({
    id: inputId(path),
    errors: errorsAt(path),
    problem,
  });
  return (
    <>
      <FieldGroup {...control('topics')} legend={t('register.topics')} optional={t('register.optional')}>
        <Checkboxes
          values={TOPICS}
          text={(topic) => t(`enums.topic.${topic}`)}
          chosen={draft.topics}
          onChange={(topics) => onChange('topics', topics)}
        />
      </FieldGroup>

      <div className="field-row">
        {(['languages', 'regions'] as const).map((path) => (
          <TextField
            key={path}
            {...control(path)}
            label={t(`register.${path}`)}
            hint={t(`register.${path}Hint`)}
            optional={t('register.optional')}
            value={draft[path]}
            onChange={(e) => onChange(path, e.target.value)}
            spellCheck={false}
          />
        ))}
      </div>
    </>
  );
}

/** The creator's consent (when given, its scope, the evidence): the same on the register and the edit form. */
export function ConsentFields({
  draft,
  inputId,
  errorsAt,
  problem,
  onChange,
  hint,
}: FormTies<ConsentDraft> & { hint: string }) {
  const { t } = useTranslation();
  const control = (path: 'consent' | 'consent.givenAt' | 'consent.scope' | 'consent.evidence') => ({
    id: inputId(path),
    errors: errorsAt(path),
    problem,
  });
  /** A text field of the consent: where it is, its words, and the draft's field it edits. */
  const consentText = (name: 'scope' | 'evidence', field: 'consentScope' | 'consentEvidence') => ({
    ...control(`consent.${name}`),
    label: t(`register.consent.${name}`),
    hint: t(`register.consent.${name}Hint`),
    value: draft[field],
    onChange: (e: { target: { value: string } }) => onChange(field, e.target.value),
  });
  return (
    <FieldGroup {...control('consent')} legend={t('register.consent.legend')} hint={hint}>
      <Field {...control('consent.givenAt')} label={t('register.consent.givenAt')}>
        {(props) => (
          <DateInput
            {...props}
            value={draft.consentGivenAt}
            onChange={(e) => onChange('consentGivenAt', e.target.value)}
          />
        )}
      </Field>
      <div className="field-row">
        <TextField {...consentText('scope', 'consentScope')} />
        <TextField {...consentText('evidence', 'consentEvidence')} />
      </div>
    </FieldGroup>
  );
}
