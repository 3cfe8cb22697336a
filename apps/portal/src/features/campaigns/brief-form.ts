import { BriefInput, toFieldErrors, type BRIEF_KINDS, type PLATFORMS } from '@concord/domain';
import type { Schemas } from '../../api/client';
import type { FieldProblem } from '../../api/problem';
import { localToIso } from '../../lib/local-time';
import { parseWhole } from '../../lib/whole-number';
import { lines, words } from './form-helpers';

/**
 * The "Add a brief" form of a campaign: what to make, on which platforms and
 * in which languages, by when, how many per creator and for what fee.
 */

export type BriefBody = Schemas['Brief'];
type Kind = (typeof BRIEF_KINDS)[number];
type Platform = (typeof PLATFORMS)[number];

export interface BriefDraft {
  kind: Kind;
  title: string;
  keyMessages: string;
  platforms: Platform[];
  languages: string;
  /** `datetime-local` values. */
  dueAt: string;
  quantity: string;
  feePerDeliverable: string;
  windowStart: string;
  windowEnd: string;
}

/** A new brief carries the campaign's key messages and platforms until changed. */
export function emptyBriefDraft(campaign?: { keyMessages: string[]; platforms: Platform[] }): BriefDraft {
  return {
    kind: 'short_video',
    title: '',
    keyMessages: campaign?.keyMessages.join('\n') ?? '',
    platforms: campaign ? [...campaign.platforms] : [],
    languages: 'vi',
    dueAt: '',
    quantity: '1',
    feePerDeliverable: '',
    windowStart: '',
    windowEnd: '',
  };
}

export const BRIEF_FIELD_PATHS: Record<keyof BriefDraft, string> = {
  kind: 'kind',
  title: 'title',
  keyMessages: 'keyMessages',
  platforms: 'platforms',
  languages: 'languages',
  dueAt: 'dueAt',
  quantity: 'quantity',
  feePerDeliverable: 'feePerDeliverable',
  windowStart: 'window.start',
  windowEnd: 'window.end',
};
export const BRIEF_FORM_PATHS: readonly string[] = [...Object.values(BRIEF_FIELD_PATHS), 'window'];

export function buildBrief(draft: BriefDraft): BriefBody {
  const hasWindow = Boolean(draft.windowStart || draft.windowEnd);
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    keyMessages: lines(draft.keyMessages),
    platforms: draft.platforms,
    languages: words(draft.languages).map((l) => l.toLowerCase()),
    dueAt: localToIso(draft.dueAt) ?? '',
    // A missing or unreadable number is sent as such, for the contract to name.
    quantity: parseWhole(draft.quantity) as number,
    feePerDeliverable: parseWhole(draft.feePerDeliverable) as number,
    ...(hasWindow
      ? { window: { start: localToIso(draft.windowStart) ?? '', end: localToIso(draft.windowEnd) ?? '' } }
      : {}),
  };
}

export function validateBrief(body: BriefBody): FieldProblem[] {
  const parsed = BriefInput.safeParse(body);
  const errors: FieldProblem[] = parsed.success ? [] : toFieldErrors(parsed.error);
  // A window that ends before it starts: the contract names it at window.end (before_start).
  return errors;
}
