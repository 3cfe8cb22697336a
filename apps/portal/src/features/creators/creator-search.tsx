import { useTranslation } from 'react-i18next';
import { CREATOR_STATUSES, PLATFORMS, TOPICS } from '@concord/domain';
import type { FieldProblem } from '../../api/problem';
import { EnumSelect, enumValue } from '../../components/enum-select';
import { Field } from '../../components/field';
import type { UrlFilters } from '../../lib/use-url-filters';

export const CREATOR_FILTERS = ['q', 'topic', 'language', 'platform', 'status', 'minFollowers'] as const;
type FilterName = (typeof CREATOR_FILTERS)[number];

/** The registry's search box and filters; each field shows what the API said of its value. */
export function CreatorSearch({
  filters: { draft, filtered, set, clear },
  errorsAt,
}: {
  filters: UrlFilters<FilterName>;
  errorsAt: (name: FilterName) => FieldProblem[] | undefined;
}) {
  const { t } = useTranslation();
  const any = t('creators.filters.any');
  return (
    <div className="search-panel">
      <form role="search" aria-label={t('creators.search.region')} onSubmit={(e) => e.preventDefault()} noValidate>
        <Field
          id="creator-q"
          label={t('creators.search.label')}
          hint={t('creators.search.hint')}
          errors={errorsAt('q')}
          className="field-wide"
        >
          {(control) => (
            <input
              {...control}
              type="search"
              value={draft.q}
              onChange={(e) => set('q', e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <fieldset className="filters">
          <legend>{t('creators.filters.legend')}</legend>
          <Field id="creator-topic" label={t('creators.filters.topic')} errors={errorsAt('topic')}>
            {(control) => (
              <EnumSelect
                {...control}
                values={TOPICS}
                text={(topic) => t(`enums.topic.${topic}`)}
                any={any}
                value={enumValue(TOPICS, draft.topic)}
                onChange={(topic) => set('topic', topic, true)}
              />
            )}
          </Field>
          <Field id="creator-platform" label={t('creators.filters.platform')} errors={errorsAt('platform')}>
            {(control) => (
              <EnumSelect
                {...control}
                values={PLATFORMS}
                text={(platform) => t(`enums.platform.${platform}`)}
                any={any}
                value={enumValue(PLATFORMS, draft.platform)}
                onChange={(platform) => set('platform', platform, true)}
              />
            )}
          </Field>
          <Field id="creator-status" label={t('creators.filters.status')} errors={errorsAt('status')}>
            {(control) => (
              <EnumSelect
                {...control}
                values={CREATOR_STATUSES}
                text={(status) => t(`enums.creatorStatus.${status}`)}
                any={any}
                value={enumValue(CREATOR_STATUSES, draft.status)}
                onChange={(status) => set('status', status, true)}
              />
            )}
          </Field>
          <Field
            id="creator-language"
            label={t('creators.filters.language')}
            hint={t('creators.filters.languageHint')}
            errors={errorsAt('language')}
          >
            {(control) => (
              <input
                {...control}
                value={draft.language}
                onChange={(e) => set('language', e.target.value)}
                maxLength={2}
                size={4}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <Field
            id="creator-min-followers"
            label={t('creators.filters.minFollowers')}
            errors={errorsAt('minFollowers')}
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                value={draft.minFollowers}
                onChange={(e) => set('minFollowers', e.target.value)}
                size={10}
                autoComplete="off"
              />
            )}
          </Field>
        </fieldset>
        {filtered && (
          <button type="button" className="button-secondary" onClick={clear}>
            {t('creators.filters.clear')}
          </button>
        )}
      </form>
    </div>
  );
}
