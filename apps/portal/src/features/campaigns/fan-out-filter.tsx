import { useTranslation } from 'react-i18next';
import { PLATFORMS, TOPICS } from '@concord/domain';
import type { FieldProblem, Problem } from '../../api/problem';
import { EnumField } from '../../components/enum-field';
import type { Form } from '../../lib/use-form';
import type { FanOutDraft } from './fan-out';
import { inputIdOf } from './request-form';
import { TextField } from '../../components/text-field';
import { FieldGroup } from '../../components/field';

const FORM = 'fan-out';

/** The registry filter a brief is offered by: topic, platform, language, followers, region. */
export function FanOutFilter({
  form,
  at,
  problem,
}: {
  form: Form<FanOutDraft>;
  at: (path: string) => FieldProblem[];
  problem?: Problem;
}) {
  const { t } = useTranslation();
  const any = t('fanOut.start.any');
  const control = (path: string) => ({ id: inputIdOf(FORM, path), errors: at(path), problem });
  /** One field of the filter: where it is, what the API said of it, its label. */
  const filterField = (name: 'topic' | 'platform' | 'language' | 'minFollowers' | 'region') => ({
    ...control(`filter.${name}`),
    label: t(`fanOut.start.${name}`),
  });
  return (
    <FieldGroup {...control('filter')} legend={t('fanOut.start.filterLegend')} hint={t('fanOut.start.filterHint')}>
      <div className="field-row">
        <EnumField
          {...filterField('topic')}
          values={TOPICS}
          text={(topic) => t(`enums.topic.${topic}`)}
          any={any}
          {...form.choose('topic')}
        />
        <EnumField
          {...filterField('platform')}
          values={PLATFORMS}
          text={(platform) => t(`enums.platform.${platform}`)}
          any={any}
          {...form.choose('platform')}
        />
        <TextField
          {...filterField('language')}
          hint={t('fanOut.start.languageHint')}
          {...form.bind('language')}
          size={4}
          maxLength={2}
          spellCheck={false}
        />
        <TextField {...filterField('minFollowers')} inputMode="numeric" {...form.bind('minFollowers')} size={10} />
        <TextField
          {...filterField('region')}
          hint={t('fanOut.start.regionHint')}
          {...form.bind('region')}
          size={8}
          spellCheck={false}
        />
      </div>
    </FieldGroup>
  );
}
