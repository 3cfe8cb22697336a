import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, type DocumentType } from '@concord/domain';
import type { FieldProblem } from '../../api/problem';

/**
 * Agreement documents (ADR 0007): PDF, PNG, JPEG or DOCX, at most 4 MiB, sent
 * as the request body with their type as Content-Type. Checked here before
 * sending, with the same codes the API answers with; the service checks the
 * bytes again.
 */

export { DOCUMENT_MAX_BYTES };

/** What the file input offers. */
export const DOCUMENT_ACCEPT = Object.entries(DOCUMENT_TYPES)
  .flatMap(([type, { extension }]) => [type, `.${extension}`, ...(extension === 'jpg' ? ['.jpeg'] : [])])
  .join(',');

/** The document type of a file: its declared type, or else its extension (browsers leave DOCX untyped on some systems). */
export function documentTypeOf(file: { name: string; type: string }): DocumentType | undefined {
  const declared = file.type.toLowerCase();
  if (declared in DOCUMENT_TYPES) return declared as DocumentType;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  const byExtension = Object.entries(DOCUMENT_TYPES).find(
    ([, t]) => t.extension === extension || (extension === 'jpeg' && t.extension === 'jpg'),
  );
  return byExtension?.[0] as DocumentType | undefined;
}

/** Why the file cannot be sent (none chosen, empty, too large, not an accepted type), at the `file` field. */
export function checkDocument(file: { name: string; type: string; size: number } | undefined): FieldProblem[] {
  if (!file) return [{ path: 'file', code: 'required', message: 'Choose a file' }];
  if (!documentTypeOf(file)) return [{ path: 'file', code: 'unsupported_type', message: 'PDF, PNG, JPEG or DOCX' }];
  if (file.size === 0) return [{ path: 'file', code: 'empty', message: 'The file is empty' }];
  if (file.size > DOCUMENT_MAX_BYTES)
    return [{ path: 'file', code: 'too_large', message: `At most ${DOCUMENT_MAX_BYTES} bytes` }];
  return [];
}

/** Sizes as people read them: 912 B, 48 KB, 3.2 MB. */
export function sizeText(bytes: number, number: (n: number) => string): string {
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024))} KB`;
  return `${number(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}
