import { expect } from '@jest/globals';
import { DomainError } from './errors';

/** The DomainError `fn` throws; fails the test when it throws anything else or nothing. */
export function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
