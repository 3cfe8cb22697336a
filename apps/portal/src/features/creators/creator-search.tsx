import { useTranslation } from 'react-i18next';
import { CREATOR_STATUSES, PLATFORMS, TOPICS } from '@concord/domain';
import type { FieldProblem } from '../../api/problem';
import { EnumField } from '../../components/enum-field';
import { enumValue } from '../../components/enum-select';
import { SearchPanel } from '../../components/search-panel';
import type { UrlFilters } from '../../lib/use-url-filters';
import { TextField } from '../../components/text-field';

export const CREATOR_FILTERS = ['q', 'topic', 'language', 'platform', 'status', 'minFollowers'] as const;
type FilterName = (typeof CREATOR_FILTERS)[number];

/** The registry's search box and filters; each field shows what the API said of its value. */
export function CreatorSearch({
  filters,
  errorsAt,
}: {
  filters: UrlFilters<FilterName>;
  errorsAt: (name: FilterName) => FieldProblem[] | undefined;
}) {
  const { t } = useTranslation();
  const { draft, set } = filters;
  const any = t('creators.filters.any');
  return (
    <SearchPanel
      id="creator-q"
      label={t('creators.search.region')}
      search={{ label: t('creators.search.label'), hint: t('creators.search.hint') }}
      filters={filters}
      errors={errorsAt('q')}
      legend={t('creators.filters.legend')}
      clearLabel={t('creators.filters.clear')}
    >
      <EnumField
        id="creator-topic"
        label={t('creators.filters.topic')}
        errors={errorsAt('topic')}
        values={TOPICS}
        text={(topic) => t(`enums.topic.${topic}`)}
        any={any}
        value={enumValue(TOPICS, draft.topic)}
        onChange={(topic) => set('topic', topic, true)}
      />
      <EnumField
        id="creator-platform"
        label={t('creators.filters.platform')}
        errors={errorsAt('platform')}
        values={PLATFORMS}
        text={(platform) => t(`enums.platform.${platform}`)}
        any={any}
        value={enumValue(PLATFORMS, draft.platform)}
        onChange={(platform) => set('platform', platform, true)}
      />
      <EnumField
        id="creator-status"
        label={t('creators.filters.status')}
        errors={errorsAt('status')}
        values={CREATOR_STATUSES}
        text={(status) => t(`enums.creatorStatus.${status}`)}
        any={any}
        value={enumValue(CREATOR_STATUSES, draft.status)}
        onChange={(status) => set('status', status, true)}
      />
      <TextField
        id="creator-language"
        label={t('creators.filters.language')}
        hint={t('creators.filters.languageHint')}
        errors={errorsAt('language')}
        value={draft.language}
        onChange={(e) => set('language', e.target.value)}
        maxLength={2}
        size={4}
        spellCheck={false}
      />
      <TextField
        id="creator-min-followers"
        label={t('creators.filters.minFollowers')}
        errors={errorsAt('minFollowers')}
        inputMode="numeric"
        value={draft.minFollowers}
        onChange={(e) => set('minFollowers', e.target.value)}
        size={10}
      />
    </SearchPanel>
  );
}
