import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../api/problem';
import type { Form } from '../../lib/use-form';
import { ChannelRow } from './channel-row';
import { emptyChannel, inputIdOf, type ChannelDraft, type RegisterDraft } from './register-form';
import { FieldGroup } from '../../components/field';

/** The creator's channels, a row each, added and removed; a taken handle names its owner. */
export function RegisterChannels({
  form,
  errorsAt,
  existing,
}: {
  form: Form<RegisterDraft>;
  errorsAt: (path: string) => FieldProblem[];
  existing?: { id: string; name: string };
}) {
  const { t } = useTranslation();
  const { values, problem } = form;
  const control = (path: string) => ({ id: inputIdOf(path), errors: errorsAt(path), problem });
  function change<K extends keyof ChannelDraft>(row: number, field: K, value: ChannelDraft[K]) {
    form.edit(`channels.${row}.${field}`, (d) => ({
      ...d,
      channels: d.channels.map((c, i) => (i === row ? { ...c, [field]: value } : c)),
    }));
  }
  return (
    <FieldGroup {...control('channels')} legend={t('register.channels.legend')}>
      {values.channels.map((channel, row) => (
        <ChannelRow
          key={channel.key}
          row={row}
          channel={channel}
          removable={values.channels.length > 1}
          control={control}
          rowErrors={errorsAt(`channels.${row}`)}
          problem={problem}
          existing={
            existing && errorsAt(`channels.${row}.handle`).some((e) => e.code === 'channel_taken')
              ? existing
              : undefined
          }
          onChange={(field, value) => change(row, field, value)}
          onRemove={() => form.edit('channels', (d) => ({ ...d, channels: d.channels.filter((_, i) => i !== row) }))}
        />
      ))}
      <button
        type="button"
        className="button-secondary"
        onClick={() => form.setValues((d) => ({ ...d, channels: [...d.channels, emptyChannel()] }))}
      >
        {t('register.channels.add')}
      </button>
    </FieldGroup>
  );
}
