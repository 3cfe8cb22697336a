import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { fieldProblem } from '../../api/problem';
import { Field } from '../../components/field';
import { ProblemAlert } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { saveFile } from '../../lib/save-file';
import { useForm } from '../../lib/use-form';
import { useMutation } from '../../lib/use-mutation';
import { useApiClient } from '../../session/session';
import { checkDocument, DOCUMENT_ACCEPT, documentTypeOf, sizeText } from './documents';
import type { Agreement } from './lifecycle';
import { WriteProblem, type WriteProps } from './outcome';
import { useWordedErrors } from './terms-fields';
import { Section } from '../../components/section';
import { InlineForm } from '../../components/form-actions';

/** The agreement's documents: download each (the API wants the token, so the file is fetched, then saved); upload one. */
export function DocumentsSection({ agreement, canUpload, ...outcome }: WriteProps & { canUpload: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const downloading = useMutation();
  async function download(doc: Agreement['documents'][number]) {
    const result = await downloading.run(doc.id, () =>
      settle(
        api.GET('/v1/agreements/{id}/documents/{documentId}', {
          params: { path: { id: agreement.id, documentId: doc.id } },
          parseAs: 'blob',
        }) as Promise<{ data?: Blob; error?: unknown; response: Response }>,
      ),
    );
    if (result.ok) saveFile(result.data, doc.name, 10_000);
  }
  return (
    <Section id="documents-title" title="agreementsArea.documents.title">
      {downloading.problem && <ProblemAlert problem={downloading.problem} />}
      {agreement.documents.length === 0 ? (
        <p className="empty">{t('agreementsArea.documents.empty')}</p>
      ) : (
        <ul className="work-list">
          {agreement.documents.map((doc) => (
            <li key={doc.id}>
              <span className="work-title">
                <button
                  type="button"
                  className="button-link-plain"
                  onClick={() => void download(doc)}
                  aria-label={t('agreementsArea.documents.download', { name: doc.name })}
                >
                  {doc.name}
                </button>
              </span>
              <span className="work-meta">
                {sizeText(doc.size, format.number)} · {doc.uploadedBy} · {format.dateTime(doc.uploadedAt)} ·{' '}
                <span className="mono">{t('agreementsArea.documents.sha', { sha: doc.sha256.slice(0, 12) })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canUpload && <UploadForm agreement={agreement} {...outcome} />}
    </Section>
  );
}

/** One document uploaded (a PDF or image within the size the API takes), checked before sending. */
export function UploadForm({ agreement, onDone, onStale }: WriteProps) {
  const { t } = useTranslation();
  const api = useApiClient();
  const worded = useWordedErrors();
  const input = useRef<HTMLInputElement>(null);
  const form = useForm<{ file?: File }, unknown>({
    initial: {},
    validate: ({ file }) => checkDocument(file),
    request: ({ file }) => {
      const type = file && documentTypeOf(file);
      if (!file || !type) return undefined;
      return {
        body: { name: file.name, size: file.size, modified: file.lastModified, type },
        send: (key) =>
          settle(
            api.POST('/v1/agreements/{id}/documents', {
              params: { path: { id: agreement.id }, query: { name: file.name }, header: { 'Idempotency-Key': key } },
              body: file as unknown as string,
              headers: { 'Content-Type': type },
              bodySerializer: (body: unknown) => body as BodyInit,
            }),
          ),
        // Whatever the API says of the upload, it says of the file.
        toForm: (errors) => errors.map((e) => ({ ...e, path: 'file' })),
      };
    },
    onDone: (_, { file }) => {
      if (input.current) input.current.value = '';
      onDone(t('agreementsArea.documents.uploaded', { name: file?.name ?? '' }));
    },
    onStale,
  });
  const { problem } = form;
  // The API's refusals of a file (too large, not an accepted type) belong next to the file input.
  const fileRefused =
    problem && ['document.too_large', 'document.unsupported_type'].includes(problem.code)
      ? [fieldProblem('file', problem.code.replace('document.', ''), problem.detail)]
      : [];
  const errors = worded(fileRefused.length ? fileRefused : form.errors, problem);
  return (
    <InlineForm form={form} titleId="upload-title" title={t('agreementsArea.documents.uploadTitle')}>
      <WriteProblem form={form} placedAll={errors.length > 0} />
      <Field
        id="document-file"
        label={t('agreementsArea.documents.file')}
        hint={t('agreementsArea.documents.fileHint')}
        errors={errors}
      >
        {(props) => (
          <input
            {...props}
            ref={input}
            type="file"
            accept={DOCUMENT_ACCEPT}
            onChange={(e) => form.reset({ file: e.target.files?.[0] })}
          />
        )}
      </Field>
      <button type="submit" className="button-secondary" disabled={form.busy}>
        {form.busy ? t('agreementsArea.documents.uploading') : t('agreementsArea.documents.upload')}
      </button>
    </InlineForm>
  );
}
