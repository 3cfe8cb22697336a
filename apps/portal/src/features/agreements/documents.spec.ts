import { describe, expect, it } from '@jest/globals';
import { checkDocument, DOCUMENT_ACCEPT, DOCUMENT_MAX_BYTES, documentTypeOf, sizeText } from './documents';

describe('agreement documents', () => {
  it('know a file by its declared type, or else by its extension', () => {
    expect(documentTypeOf({ name: 'signed.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(documentTypeOf({ name: 'Phụ lục.DOCX', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(documentTypeOf({ name: 'scan.jpeg', type: '' })).toBe('image/jpeg');
    expect(documentTypeOf({ name: 'notes.txt', type: 'text/plain' })).toBeUndefined();
    expect(DOCUMENT_ACCEPT).toContain('.pdf');
    expect(DOCUMENT_ACCEPT).toContain('.docx');
  });

  it('refuse before sending what the API would refuse', () => {
    expect(checkDocument(undefined).map((e) => e.code)).toEqual(['required']);
    expect(checkDocument({ name: 'notes.txt', type: 'text/plain', size: 10 }).map((e) => e.code)).toEqual([
      'unsupported_type',
    ]);
    expect(checkDocument({ name: 'a.pdf', type: 'application/pdf', size: 0 }).map((e) => e.code)).toEqual(['empty']);
    expect(
      checkDocument({ name: 'a.pdf', type: 'application/pdf', size: DOCUMENT_MAX_BYTES + 1 }).map((e) => e.code),
    ).toEqual(['too_large']);
    expect(checkDocument({ name: 'a.pdf', type: 'application/pdf', size: DOCUMENT_MAX_BYTES })).toEqual([]);
  });

  it('write sizes readably', () => {
    const n = (x: number) => String(x);
    expect(sizeText(912, n)).toBe('912 B');
    expect(sizeText(48 * 1024, n)).toBe('48 KB');
    expect(sizeText(3.2 * 1024 * 1024, n)).toBe('3.2 MB');
  });
});
