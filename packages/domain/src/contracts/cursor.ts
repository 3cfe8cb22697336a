import { DomainError } from '../errors';

/** An opaque page cursor: the position of the last item, base64url. */
export function encodeCursor(position: string): string {
  return Buffer.from(position).toString('base64url');
}

/** The position a cursor carries, or `validation.failed` on `cursor` when it is not one of ours. */
export function decodeCursor(cursor: string, valid: RegExp): string {
  const position = Buffer.from(cursor, 'base64url').toString();
  if (!valid.test(position)) {
    throw new DomainError('validation.failed', 'The cursor is not valid', [
      { path: 'cursor', code: 'invalid_cursor', message: 'Use the nextCursor of a previous page' },
    ]);
  }
  return position;
}

export const UUID_POSITION = /^[0-9a-f-]{36}$/;
export const NUMBER_POSITION = /^\d{1,15}$/;
