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
  return (
    <FieldGroup {...control('filter')} legend={t('fanOut.start.filterLegend')} hint={t('fanOut.start.filterHint')}>
      <div className="field-row">
        <EnumField
          {...control('filter.topic')}
          label={t('fanOut.start.topic')}
          values={TOPICS}
          text={(topic) => t(`enums.topic.${topic}`)}
          any={any}
          {...form.choose('topic')}
        />
        <EnumField
          {...control('filter.platform')}
          label={t('fanOut.start.platform')}
          values={PLATFORMS}
          text={(platform) => t(`enums.platform.${platform}`)}
          any={any}
          {...form.choose('platform')}
        />
        <TextField
          {...control('filter.language')}
          label={t('fanOut.start.language')}
          hint={t('fanOut.start.languageHint')}
          {...form.bind('language')}
          size={4}
          maxLength={2}
          spellCheck={false}
        />
        <TextField
          {...control('filter.minFollowers')}
          label={t('fanOut.start.minFollowers')}
          inputMode="numeric"
          {...form.bind('minFollowers')}
          size={10}
        />
        <TextField
          {...control('filter.region')}
          label={t('fanOut.start.region')}
          hint={t('fanOut.start.regionHint')}
          {...form.bind('region')}
          size={8}
          spellCheck={false}
        />
      </div>
    </FieldGroup>
  );
}
