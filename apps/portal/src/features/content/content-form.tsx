import { useTranslation } from 'react-i18next';
import { placeFieldErrors, type FieldProblem, type Problem } from '../../api/problem';
import { Field, FieldGroup } from '../../components/field';
import { FieldErrors } from '../../components/messages';
import { TextArea, TextField } from '../../components/text-field';

export interface MediaDraft {
  key: number;
  url: string;
  mimeType: string;
  sizeBytes: string;
  sha256: string;
}

export interface ContentDraft {
  title: string;
  text: string;
  media: MediaDraft[];
}

let nextKey = 1;
export const emptyMedia = (): MediaDraft => ({
  key: nextKey++,
  url: '',
  mimeType: 'video/mp4',
  sizeBytes: '',
  sha256: '',
});

/** The draft as the API takes it: empty media rows left out, sizes as numbers. */
export function contentBody(draft: ContentDraft) {
  const rows = draft.media.filter((m) => m.url.trim() || m.sha256.trim() || m.sizeBytes.trim());
  return {
    body: {
      ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
      text: draft.text,
      media: rows.map((m) => ({
        url: m.url.trim(),
        mimeType: m.mimeType.trim(),
        sizeBytes: Number(m.sizeBytes.replace(/[\s.,]/g, '')),
        sha256: m.sha256.trim().toLowerCase(),
      })),
    },
    /** Position in the body → the draft's row, to place `media.N.*` errors. */
    rows: rows.map((m) => draft.media.indexOf(m)),
  };
}

/** `media.<position in body>.x` → `media.<row of the form>.x`. */
export function toRowPaths(errors: readonly FieldProblem[], rows: readonly number[]): FieldProblem[] {
  return errors.map((error) => {
    const match = /^media\.(\d+)(\..*)?$/.exec(error.path);
    if (!match) return error;
    const row = rows[Number(match[1])];
    return row === undefined ? error : { ...error, path: `media.${row}${match[2] ?? ''}` };
  });
}

export function contentPaths(draft: ContentDraft, extra: string[] = []): string[] {
  const paths = ['title', 'text', 'media', ...extra];
  draft.media.forEach((_, row) =>
    paths.push(`media.${row}`, ...['url', 'mimeType', 'sizeBytes', 'sha256'].map((f) => `media.${row}.${f}`)),
  );
  return paths;
}

/** Title, text and media rows of a submission or a new version, each with its errors. */
export function ContentFields({
  prefix,
  draft,
  onChange,
  errors,
  problem,
  extraPaths = [],
}: {
  prefix: string;
  draft: ContentDraft;
  onChange: (draft: ContentDraft) => void;
  errors: readonly FieldProblem[];
  problem?: Problem;
  extraPaths?: string[];
}) {
  const { t } = useTranslation();
  const placed = placeFieldErrors(errors, contentPaths(draft, extraPaths));
  const at = (path: string) => placed.byField.get(path) ?? [];
  const idOf = (path: string) => `${prefix}-${path.replace(/\./g, '-')}`;
  const setMedia = (row: number, field: keyof MediaDraft, value: string) =>
    onChange({ ...draft, media: draft.media.map((m, i) => (i === row ? { ...m, [field]: value } : m)) });
  const control = (path: string) => ({ id: idOf(path), errors: at(path), problem });
  /** A media row's text field: its id, label, errors, value and change. */
  const mediaField = (row: number, field: 'url' | 'mimeType' | 'sizeBytes') => ({
    ...control(`media.${row}.${field}`),
    label: t(`content.media.${field}`),
    value: draft.media[row][field],
    onChange: (e: { target: { value: string } }) => setMedia(row, field, e.target.value),
  });
  return (
    <>
      <TextField
        {...control('title')}
        label={t('content.title')}
        optional={t('register.optional')}
        value={draft.title}
        onChange={(e) => onChange({ ...draft, title: e.target.value })}
      />
      <TextArea
        {...control('text')}
        label={t('content.text')}
        hint={t('content.textHint')}
        rows={8}
        value={draft.text}
        onChange={(e) => onChange({ ...draft, text: e.target.value })}
      />
      <FieldGroup {...control('media')} legend={t('content.media.legend')} hint={t('content.media.hint')}>
        {draft.media.map((media, row) => (
          <fieldset key={media.key} className="channel-row">
            <legend>{t('content.media.row', { n: row + 1 })}</legend>
            <FieldErrors id={`${idOf(`media.${row}`)}-error`} errors={at(`media.${row}`)} problem={problem} />
            <TextField {...mediaField(row, 'url')} type="url" spellCheck={false} />
            <div className="field-row">
              <TextField {...mediaField(row, 'mimeType')} spellCheck={false} />
              <TextField {...mediaField(row, 'sizeBytes')} inputMode="numeric" />
            </div>
            <Field
              {...control(`media.${row}.sha256`)}
              label={t('content.media.sha256')}
              hint={t('content.media.sha256Hint')}
            >
              {(props) => (
                <input
                  {...props}
                  className="mono"
                  value={media.sha256}
                  onChange={(e) => setMedia(row, 'sha256', e.target.value)}
                  spellCheck={false}
                  autoComplete="off"
                />
              )}
            </Field>
            <button
              type="button"
              className="button-link-danger"
              onClick={() => onChange({ ...draft, media: draft.media.filter((_, i) => i !== row) })}
            >
              {t('content.media.remove', { n: row + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange({ ...draft, media: [...draft.media, emptyMedia()] })}
        >
          {t('content.media.add')}
        </button>
      </FieldGroup>
      {placed.unplaced.length > 0 && (
        <FieldErrors id={`${prefix}-unplaced-error`} errors={placed.unplaced} problem={problem} />
      )}
    </>
  );
}
