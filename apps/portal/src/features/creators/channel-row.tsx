import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PLATFORMS } from '@concord/domain';
import type { FieldProblem, Problem } from '../../api/problem';
import { EnumField } from '../../components/enum-field';
import { FieldErrors } from '../../components/messages';
import { inputIdOf, type ChannelDraft } from './register-form';
import { TextField } from '../../components/text-field';

/** One channel of the creator: platform, handle (with the owner when it is taken), followers, address, verified. */
export function ChannelRow({
  row,
  channel,
  removable,
  control,
  rowErrors,
  problem,
  existing,
  onChange,
  onRemove,
}: {
  row: number;
  channel: ChannelDraft;
  removable: boolean;
  control: (path: string) => { id: string; errors: FieldProblem[]; problem?: Problem };
  rowErrors: FieldProblem[];
  problem?: Problem;
  existing?: { id: string; name: string };
  onChange: <K extends keyof ChannelDraft>(field: K, value: ChannelDraft[K]) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = row + 1;
  const path = (field: string) => `channels.${row}.${field}`;
  return (
    <fieldset className="channel-row" id={inputIdOf(`channels.${row}`)}>
      <legend>{t('register.channels.row', { n })}</legend>
      <FieldErrors id={`${inputIdOf(`channels.${row}`)}-error`} errors={rowErrors} problem={problem} />
      <div className="field-row">
        <EnumField
          {...control(path('platform'))}
          label={t('register.channels.platform')}
          values={PLATFORMS}
          text={(platform) => t(`enums.platform.${platform}`)}
          value={channel.platform}
          onChange={(platform) => onChange('platform', platform)}
        />
        <div className="field-with-link">
          <TextField
            {...control(path('handle'))}
            label={t('register.channels.handle')}
            hint={t('register.channels.handleHint')}
            value={channel.handle}
            onChange={(e) => onChange('handle', e.target.value)}
            spellCheck={false}
          />
          {existing && (
            <p className="field-link">
              <Link to={`/creators/${existing.id}`}>{t('register.existing', { name: existing.name })}</Link>
            </p>
          )}
        </div>
        <TextField
          {...control(path('followers'))}
          label={t('register.channels.followers')}
          inputMode="numeric"
          value={channel.followers}
          onChange={(e) => onChange('followers', e.target.value)}
          size={12}
        />
      </div>
      <TextField
        {...control(path('url'))}
        label={t('register.channels.url')}
        hint={t('register.channels.urlHint')}
        type="url"
        value={channel.url}
        onChange={(e) => onChange('url', e.target.value)}
        spellCheck={false}
      />
      <label className="choice">
        <input type="checkbox" checked={channel.verified} onChange={(e) => onChange('verified', e.target.checked)} />
        {t('register.channels.verified')}
      </label>
      {removable && (
        <button type="button" className="button-link-danger" onClick={onRemove}>
          {t('register.channels.remove', { n })}
        </button>
      )}
    </fieldset>
  );
}
