import { UpdateCreatorInput, toFieldErrors, type TOPICS } from '@concord/domain';
import type { Schemas } from '../../api/client';
import type { FieldProblem } from '../../api/problem';

/**
 * The edit form of a creator: the fields as typed (strings), filled from the
 * creator as read, and the PATCH it sends: only what changed, checked with the
 * same zod contract the gateway applies, so the field errors have the same
 * paths and codes either way. Lists are written the way the register form
 * takes them (`vi, en`). Channels and personal data have their own forms.
 */

type Creator = Schemas['Creator'];
export type UpdateCreatorRequest = Schemas['UpdateCreator'];
type Topic = (typeof TOPICS)[number];

export interface EditDraft {
  displayName: string;
  topics: Topic[];
  languages: string;
  regions: string;
  /** `YYYY-MM-DD` from a date input. */
  consentGivenAt: string;
  consentScope: string;
  consentEvidence: string;
}

export type EditField = keyof EditDraft;

/** The request path each form field's errors come back at. */
export const EDIT_FIELD_PATHS: Record<EditField, string> = {
  displayName: 'displayName',
  topics: 'topics',
  languages: 'languages',
  regions: 'regions',
  consentGivenAt: 'consent.givenAt',
  consentScope: 'consent.scope',
  consentEvidence: 'consent.evidence',
};

/**
 * Which form fields change each field of the update contract, or where else it is changed: a field added to the
 * contract fails to compile here until the form takes it or says where it is changed instead (ADR 0022).
 */
export const UPDATE_FIELDS: Record<keyof UpdateCreatorRequest, readonly EditField[] | string> = {
  displayName: ['displayName'],
  topics: ['topics'],
  languages: ['languages'],
  regions: ['regions'],
  consent: ['consentGivenAt', 'consentScope', 'consentEvidence'],
  personalData: "the personal data form, on the creator's page",
  managementCompanyId: 'not in the portal yet: the API and typed client change it',
  expectedVersion: 'If-Match, from the version the form was filled with (ifMatchOf)',
};

/** Every path the form shows errors at (fields, and the consent group around its fields). */
export const EDIT_FORM_PATHS = [...Object.values(EDIT_FIELD_PATHS), 'consent'];

const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/** The form filled with the creator as read. */
export function draftFromCreator(creator: Creator): EditDraft {
  return {
    displayName: creator.displayName,
    topics: [...creator.topics],
    languages: creator.languages.join(', '),
    regions: creator.regions.join(', '),
    consentGivenAt: creator.consent?.givenAt.slice(0, 10) ?? '',
    consentScope: creator.consent?.scope ?? '',
    consentEvidence: creator.consent?.evidence ?? '',
  };
}

/** Whether the reader sees the consent at all (the API leaves it out for roles that may not). */
export function showsConsent(creator: Creator): boolean {
  return creator.consent !== undefined;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) => sameList([...a].sort(), [...b].sort());

/**
 * The PATCH body: only the fields that differ from `creator` (an empty object
 * when nothing changed). Blank consent fields remove a recorded consent; the
 * version goes in If-Match, not here.
 */
export function buildUpdate(draft: EditDraft, creator: Creator): UpdateCreatorRequest {
  const body: UpdateCreatorRequest = {};
  const displayName = draft.displayName.trim();
  if (displayName !== creator.displayName) body.displayName = displayName;
  if (!sameSet(draft.topics, creator.topics)) body.topics = [...draft.topics];
  const languages = list(draft.languages).map((l) => l.toLowerCase());
  if (!sameList(languages, creator.languages)) body.languages = languages;
  const regions = list(draft.regions).map((r) => r.toUpperCase());
  if (!sameList(regions, creator.regions)) body.regions = regions;
  if (showsConsent(creator)) {
    const scope = draft.consentScope.trim();
    const evidence = draft.consentEvidence.trim();
    const blank = !draft.consentGivenAt && !scope && !evidence;
    const consent = blank
      ? null
      : { givenAt: draft.consentGivenAt ? `${draft.consentGivenAt}T00:00:00Z` : '', scope, evidence };
    const before = creator.consent ?? null;
    const same =
      consent === null
        ? before === null
        : before !== null &&
          before.givenAt.slice(0, 10) === draft.consentGivenAt &&
          before.scope === scope &&
          before.evidence === evidence;
    if (!same) body.consent = consent;
  }
  return body;
}

/** What the API would refuse, found before sending: the domain's contract. */
export function validateUpdate(body: UpdateCreatorRequest): FieldProblem[] {
  const parsed = UpdateCreatorInput.safeParse(body);
  return parsed.success ? [] : toFieldErrors(parsed.error);
}

/** The If-Match header for the version read (the API's ETag form). */
export function ifMatchOf(version: number): string {
  return `"v${version}"`;
}

/** The fields whose saved value changed between two reads of the creator (after a stale-version refusal). */
export function changedFields(before: Creator, after: Creator): EditField[] {
  const a = draftFromCreator(before);
  const b = draftFromCreator(after);
  return (Object.keys(EDIT_FIELD_PATHS) as EditField[]).filter((field) => !sameValue(a[field], b[field]));
}

/** The id of the input showing errors at `path`. */
export function editInputId(path: string): string {
  return `edit-creator-${path.replace(/\./g, '-')}`;
}

const sameValue = (x: EditDraft[EditField], y: EditDraft[EditField]) =>
  Array.isArray(x) && Array.isArray(y) ? sameSet(x, y) : x === y;

/**
 * After a stale-version refusal: the form on top of the fresh read. Fields the
 * user left as they were take the freshly saved values; fields the user
 * changed keep what was typed (saving again applies them to the new version).
 */
export function rebaseDraft(draft: EditDraft, before: Creator, after: Creator): EditDraft {
  const old = draftFromCreator(before);
  const fresh = draftFromCreator(after);
  const next = { ...draft };
  for (const field of Object.keys(EDIT_FIELD_PATHS) as EditField[]) {
    if (sameValue(draft[field], old[field])) (next as Record<EditField, unknown>)[field] = fresh[field];
  }
  return next;
}
