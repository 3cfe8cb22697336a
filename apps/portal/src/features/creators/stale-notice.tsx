import { useTranslation } from 'react-i18next';
import { problemMessage, type Problem } from '../../api/problem';
import { useMessage } from '../../components/messages';
import { useFormat } from '../../lib/format';
import type { EditDraft, EditField } from './edit-form';

/** After a stale-version refusal: the fields someone else changed, with their saved values. */
export interface Stale {
  fields: EditField[];
  saved: EditDraft;
}

/** Someone saved the creator meanwhile: what they changed, and the choice to keep typing or take the saved values. */
export function StaleNotice({
  stale,
  problem,
  onTakeSaved,
}: {
  stale: Stale;
  problem?: Problem;
  onTakeSaved: () => void;
}) {
  const { t } = useTranslation();
  const say = useMessage();
  const format = useFormat();
  const labelOf = (field: EditField): string =>
    ({
      displayName: t('register.displayName'),
      topics: t('register.topics'),
      languages: t('register.languages'),
      regions: t('register.regions'),
      consentGivenAt: t('register.consent.givenAt'),
      consentScope: t('register.consent.scope'),
      consentEvidence: t('register.consent.evidence'),
    })[field];
  const valueOf = (saved: EditDraft, field: EditField): string => {
    if (field === 'topics') return saved.topics.map((topic) => t(`enums.topic.${topic}`)).join(', ') || t('app.none');
    if (field === 'consentGivenAt') return saved.consentGivenAt ? format.date(saved.consentGivenAt) : t('app.none');
    return saved[field] || t('app.none');
  };
  return (
    <div className="alert alert-error" role="alert">
      <p>{problem ? say(problemMessage(problem)) : null}</p>
      <p>{stale.fields.length > 0 ? t('creatorEdit.stale.changed') : t('creatorEdit.stale.sameFields')}</p>
      {stale.fields.length > 0 && (
        <ul>
          {stale.fields.map((field) => (
            <li key={field}>
              {t('creatorEdit.stale.field', { field: labelOf(field), value: valueOf(stale.saved, field) })}
            </li>
          ))}
        </ul>
      )}
      <p>{t('creatorEdit.stale.choose')}</p>
      <button type="button" className="button-secondary" onClick={onTakeSaved}>
        {t('creatorEdit.stale.useSaved')}
      </button>
    </div>
  );
}
