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

/** Vetting outcomes on which a creator may be set `vetted`. */
export const VETTING_OUTCOMES_CLEARED = ['passed', 'conditional'] as const;
export type VettingOutcome = 'passed' | 'failed' | 'conditional';

/**
 * `vetted` must agree with the vetting record: a creator is set vetted only
 * when their latest vetting result passed (or passed on conditions). Otherwise
 * only an override may do it, which the legal officer gives (permission
 * `override_vetting`) with the change's reason; it stays in the status
 * history, and legal review shows it. An override sets `vetted` and nothing else.
 */
export function assertVettingAgrees(
  to: CreatorStatusName,
  vetting: readonly { outcome: VettingOutcome; vettedAt: string }[],
  override: boolean,
): void {
  if (override && to !== 'vetted') {
    throw new DomainError('validation.failed', 'An override sets a creator vetted and nothing else', [
      { path: 'override', code: 'only_for_vetted', message: 'Leave override out for this change' },
    ]);
  }
  if (to !== 'vetted' || override) return;
  const latest = [...vetting].sort((a, b) => a.vettedAt.localeCompare(b.vettedAt)).at(-1);
  if (latest && (VETTING_OUTCOMES_CLEARED as readonly string[]).includes(latest.outcome)) return;
  throw new DomainError(
    'creator.vetting_required',
    latest
      ? `The creator's latest vetting result is ${latest.outcome}; vetted needs a passed or conditional result, or the legal officer's override with a reason`
      : "The creator has no vetting record; vetted needs a passed or conditional result, or the legal officer's override with a reason",
    [{ path: 'to', code: 'vetting_required', message: 'Record a passed or conditional vetting result first' }],
    { latestOutcome: latest?.outcome ?? null },
  );
}

/** The override that last set a creator vetted, if it was one (from the status history): what legal review shows. */
export function vettingOverrideOf(
  statusHistory: readonly { to: CreatorStatusName; reason: string; at: string; by: string; override?: boolean }[],
) {
  const lastVetted = [...statusHistory].reverse().find((h) => h.to === 'vetted');
  return lastVetted?.override ? { reason: lastVetted.reason, by: lastVetted.by, at: lastVetted.at } : null;
}

/** Personal data may only be stored with recorded consent. */
export function assertConsentForPersonalData(hasPersonalData: boolean, hasConsent: boolean): void {
  if (hasPersonalData && !hasConsent) {
    throw new DomainError('creator.consent_required', 'Personal data needs recorded consent', [
      {
        path: 'consent',
        code: 'required',
        message: 'Record the consent to data processing (given at, scope, evidence)',
      },
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
