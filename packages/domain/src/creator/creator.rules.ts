import { DomainError, type FieldError } from '../errors';
import { allowedCreatorMoves, canMoveCreator, type CreatorStatusName } from './creator-status.machine';
import { channelKey } from './channel-handle';
import { foldText } from '../text/fold';

/** A status change must be allowed by the machine and carry a reason. */
export function assertCreatorMove(from: CreatorStatusName, to: CreatorStatusName, reason: string): void {
  if (!reason.trim()) {
    throw new DomainError('creator.reason_required', 'A status change needs a reason', [
      { path: 'reason', code: 'required', message: 'Give the reason for this change' },
    ]);
  }
  if (!canMoveCreator(from, to)) {
    const allowed = allowedCreatorMoves(from);
    throw new DomainError(
      'creator.status_transition_forbidden',
      `A creator cannot move from ${from} to ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final)'}`,
      [],
      { from, to, allowed },
    );
  }
}

/** Personal data may only be stored with recorded consent. */
export function assertConsentForPersonalData(hasPersonalData: boolean, hasConsent: boolean): void {
  if (hasPersonalData && !hasConsent) {
    throw new DomainError('creator.consent_required', 'Personal data needs recorded consent', [
      { path: 'consent', code: 'required', message: 'Record the consent to data processing (given at, scope, evidence)' },
    ]);
  }
}

/** The same channel listed twice in one request. */
export function findRepeatedChannels(channels: { platform: string; handle: string }[]): FieldError[] {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  channels.forEach((c, i) => {
    const key = channelKey(c.platform, c.handle);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ path: `channels.${i}.handle`, code: 'duplicate', message: `Same channel as channels.${first}` });
    } else {
      seen.set(key, i);
    }
  });
  return errors;
}

/** What a creator is found by: names and handles, folded. */
export function creatorSearchText(displayName: string, handles: string[]): string {
  return foldText([displayName, ...handles].join(' '));
}
