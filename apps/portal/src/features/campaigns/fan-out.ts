import {
  FanOutInput,
  SKIP_REASONS,
  toFieldErrors,
  type PLATFORMS,
  type SkipReasonName,
  type TOPICS,
} from '@concord/domain';
import type { Schemas } from '../../api/client';
import type { FieldProblem } from '../../api/problem';
import { parseWhole } from '../../lib/whole-number';

/**
 * Offering a brief to creators: the form (a registry filter, or creators
 * chosen by name, with an optional override of capacity and calendar
 * conflicts and its reason), the request it sends, and what the answer says —
 * how far it got, and each creator's outcome grouped by skip reason.
 */

export type FanOutBody = Schemas['FanOut'];
export type FanOutView = Schemas['FanOutView'];
export type FanOutResult = FanOutView['results'][number];
export { SKIP_REASONS, type SkipReasonName };

export interface ChosenCreator {
  id: string;
  name: string;
}

export interface FanOutDraft {
  mode: 'filter' | 'creators';
  topic: '' | (typeof TOPICS)[number];
  language: string;
  platform: '' | (typeof PLATFORMS)[number];
  minFollowers: string;
  region: string;
  creators: ChosenCreator[];
  /** Offer even over capacity or a calendar conflict (chosen creators only), with a reason. */
  override: boolean;
  overrideReason: string;
}

export function emptyFanOutDraft(): FanOutDraft {
  return {
    mode: 'filter',
    topic: '',
    language: '',
    platform: '',
    minFollowers: '',
    region: '',
    creators: [],
    override: false,
    overrideReason: '',
  };
}

/** The fan-out request: the filter's filled-in parts, or the chosen creators (and their overrides). */
export function buildFanOut(draft: FanOutDraft): FanOutBody {
  if (draft.mode === 'creators') {
    const creatorIds = draft.creators.map((c) => c.id);
    const reason = draft.overrideReason.trim();
    return {
      creatorIds,
      overrides: draft.override ? creatorIds.map((creatorId) => ({ creatorId, reason })) : [],
    };
  }
  const minFollowers = parseWhole(draft.minFollowers);
  return {
    filter: {
      ...(draft.topic ? { topic: draft.topic } : {}),
      ...(draft.language.trim() ? { language: draft.language.trim().toLowerCase() } : {}),
      ...(draft.platform ? { platform: draft.platform } : {}),
      ...(minFollowers !== undefined ? { minFollowers: minFollowers } : {}),
      ...(draft.region.trim() ? { region: draft.region.trim().toUpperCase() } : {}),
    },
    overrides: [],
  };
}

/** The form's paths: `filter.*`, the chosen creators, the override reason (any override's). */
export const FAN_OUT_FORM_PATHS: readonly string[] = [
  'filter',
  'filter.topic',
  'filter.language',
  'filter.platform',
  'filter.minFollowers',
  'filter.region',
  'creatorIds',
  'overrides',
];

/** `overrides.3.reason` → `overrides`: one reason field stands for every chosen creator's override. */
export function toFormPaths(errors: readonly FieldProblem[]): FieldProblem[] {
  return errors.map((e) =>
    /^overrides\./.test(e.path)
      ? { ...e, path: 'overrides' }
      : /^creatorIds\./.test(e.path)
        ? { ...e, path: 'creatorIds' }
        : e,
  );
}

export function validateFanOut(body: FanOutBody): FieldProblem[] {
  const parsed = FanOutInput.safeParse(body);
  const errors = parsed.success ? [] : toFieldErrors(parsed.error);
  if (body.creatorIds && body.creatorIds.length === 0) {
    return [{ path: 'creatorIds', code: 'choose_target', message: 'Choose at least one creator' }];
  }
  return toFormPaths(errors);
}

/** How far a fan-out has got: a determinate bar once the registry has counted the creators; done once it completed, failed or was cancelled. */
export function progressOf(view: Pick<FanOutView, 'status' | 'total' | 'processed'>): {
  value: number;
  max: number | undefined;
  done: boolean;
} {
  const done = view.status !== 'running';
  const max = view.total ?? (done ? view.processed : undefined);
  return { value: view.processed, max: max === 0 ? undefined : max, done };
}

/** The skip reasons that occurred, most frequent first (ties in the domain's order), with their counts. */
export function skipSummary(view: Pick<FanOutView, 'skippedByReason'>): { reason: SkipReasonName; count: number }[] {
  return SKIP_REASONS.map((reason) => ({ reason, count: view.skippedByReason[reason] ?? 0 }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || SKIP_REASONS.indexOf(a.reason) - SKIP_REASONS.indexOf(b.reason));
}

export type OutcomeFilter = 'all' | 'offered' | 'skipped' | SkipReasonName;

/** The results a filter keeps: everything, one outcome, or the skips for one reason. */
export function filterResults(results: readonly FanOutResult[], filter: OutcomeFilter): FanOutResult[] {
  if (filter === 'all') return [...results];
  if (filter === 'offered' || filter === 'skipped') return results.filter((r) => r.outcome === filter);
  return results.filter((r) => r.outcome === 'skipped' && r.reason === filter);
}

/** The API's query for a filter (the results are paged server-side). */
export function outcomeQuery(filter: OutcomeFilter): { outcome?: 'offered' | 'skipped'; reason?: SkipReasonName } {
  if (filter === 'all') return {};
  if (filter === 'offered' || filter === 'skipped') return { outcome: filter };
  return { outcome: 'skipped', reason: filter };
}

/** Results grouped: the offered ones, then the skipped ones by reason in the domain's order. */
export function groupResults(results: readonly FanOutResult[]): {
  offered: FanOutResult[];
  skipped: { reason: SkipReasonName; results: FanOutResult[] }[];
} {
  const offered = results.filter((r) => r.outcome === 'offered');
  const skipped = SKIP_REASONS.map((reason) => ({
    reason,
    results: results.filter((r) => r.outcome === 'skipped' && r.reason === reason),
  })).filter((group) => group.results.length > 0);
  return { offered, skipped };
}

/** Skips a campaign manager may override with a reason (capacity and calendar). */
export const OVERRIDABLE: readonly SkipReasonName[] = ['over_capacity', 'calendar_conflict'];
export function isOverridable(result: FanOutResult): boolean {
  return result.outcome === 'skipped' && result.reason !== null && OVERRIDABLE.includes(result.reason);
}
