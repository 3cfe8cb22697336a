import { useTranslation } from 'react-i18next';
import { CREATOR_STATUSES, PLATFORMS, TOPICS } from '@concord/domain';
import type { FieldProblem } from '../../api/problem';
import { EnumField } from '../../components/enum-field';
import { filterFields, SearchPanel } from '../../components/search-panel';
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
  const field = filterFields(filters, errorsAt, t('creators.filters.any'));
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
        {...field.choice('creator-topic', 'topic', TOPICS)}
        label={t('creators.filters.topic')}
        text={(topic) => t(`enums.topic.${topic}`)}
      />
      <EnumField
        {...field.choice('creator-platform', 'platform', PLATFORMS)}
        label={t('creators.filters.platform')}
        text={(platform) => t(`enums.platform.${platform}`)}
      />
      <EnumField
        {...field.choice('creator-status', 'status', CREATOR_STATUSES)}
        label={t('creators.filters.status')}
        text={(status) => t(`enums.creatorStatus.${status}`)}
      />
      <TextField
        {...field.text('creator-language', 'language')}
        label={t('creators.filters.language')}
        hint={t('creators.filters.languageHint')}
        maxLength={2}
        size={4}
        spellCheck={false}
      />
      <TextField
        {...field.text('creator-min-followers', 'minFollowers')}
        label={t('creators.filters.minFollowers')}
        inputMode="numeric"
        size={10}
      />
    </SearchPanel>
  );
}
