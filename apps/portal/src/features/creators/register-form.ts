import {
  assertConsentForPersonalData,
  DomainError,
  findRepeatedChannels,
  RegisterCreatorInput,
  toFieldErrors,
  type PLATFORMS,
  type TOPICS,
} from '@concord/domain';
import type { Schemas } from '../../api/client';
import type { FieldProblem } from '../../api/problem';

/**
 * The register form's state as typed (strings, as the inputs hold them), the
 * request it sends, and the checks it runs before sending: the same zod
 * contract and rules from `packages/domain` that the gateway and registry apply,
 * so the field errors have the same paths and codes either way.
 */

export type RegisterCreatorRequest = Schemas['RegisterCreator'];
type Platform = (typeof PLATFORMS)[number];
type Topic = (typeof TOPICS)[number];

export interface ChannelDraft {
  /** Stable React key of the row. */
  key: string;
  platform: Platform;
  handle: string;
  url: string;
  followers: string;
  verified: boolean;
}

export interface RegisterDraft {
  kind: 'individual' | 'management_company';
  displayName: string;
  channels: ChannelDraft[];
  topics: Topic[];
  languages: string;
  regions: string;
  legalName: string;
  nationalId: string;
  phone: string;
  email: string;
  /** `YYYY-MM-DD` from a date input. */
  consentGivenAt: string;
  consentScope: string;
  consentEvidence: string;
}

/**
 * Which form fields fill each field of the registration contract, or why the form has none: a field added to the
 * contract fails to compile here until the form takes it or says where it is set instead (ADR 0022).
 */
export const REGISTRATION_FIELDS: Record<keyof RegisterCreatorRequest, readonly (keyof RegisterDraft)[] | string> = {
  kind: ['kind'],
  displayName: ['displayName'],
  channels: ['channels'],
  topics: ['topics'],
  languages: ['languages'],
  regions: ['regions'],
  personalData: ['legalName', 'nationalId', 'phone', 'email'],
  consent: ['consentGivenAt', 'consentScope', 'consentEvidence'],
  managementCompanyId: 'not in the portal yet: the API and typed client set it',
};

let rowCounter = 0;
export function emptyChannel(platform: Platform = 'tiktok'): ChannelDraft {
  rowCounter += 1;
  return { key: `channel-${rowCounter}`, platform, handle: '', url: '', followers: '', verified: false };
}

export function emptyDraft(): RegisterDraft {
  return {
    kind: 'individual',
    displayName: '',
    channels: [emptyChannel()],
    topics: [],
    languages: '',
    regions: '',
    legalName: '',
    nationalId: '',
    phone: '',
    email: '',
    consentGivenAt: '',
    consentScope: '',
    consentEvidence: '',
  };
}

export interface BuiltRequest {
  body: RegisterCreatorRequest;
  /** For each channel sent, the form row it came from (empty rows are not sent). */
  channelRows: number[];
}

const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);

function isBlankChannel(channel: ChannelDraft): boolean {
  return !channel.handle.trim() && !channel.url.trim() && !channel.followers.trim();
}

/** Follower counts as people write them: `120000`, `120.000`, `120,000`, `120 000`. */
export function parseFollowers(text: string): number | undefined {
  const digits = text.replace(/[\s.,]/g, '');
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/** The request for the API: trimmed, blank optional parts left out. */
export function buildRequest(draft: RegisterDraft): BuiltRequest {
  const channelRows: number[] = [];
  const channels: RegisterCreatorRequest['channels'] = [];
  draft.channels.forEach((channel, row) => {
    if (isBlankChannel(channel)) return;
    channelRows.push(row);
    channels.push({
      platform: channel.platform,
      handle: channel.handle.trim(),
      url: channel.url.trim(),
      // A missing or unreadable count is sent as such, for the contract to name.
      followers: parseFollowers(channel.followers) as number,
      verified: channel.verified,
    });
  });
  const personal = {
    legalName: draft.legalName.trim(),
    nationalId: draft.nationalId.trim() || undefined,
    phone: draft.phone.replace(/[\s.-]/g, '') || undefined,
    email: draft.email.trim() || undefined,
  };
  const hasPersonal = Boolean(personal.legalName || personal.nationalId || personal.phone || personal.email);
  const hasConsent = Boolean(draft.consentGivenAt || draft.consentScope.trim() || draft.consentEvidence.trim());
  const body: RegisterCreatorRequest = {
    kind: draft.kind,
    displayName: draft.displayName.trim(),
    channels,
    topics: draft.topics,
    languages: list(draft.languages).map((l) => l.toLowerCase()),
    regions: list(draft.regions).map((r) => r.toUpperCase()),
    ...(hasPersonal ? { personalData: personal } : {}),
    ...(hasConsent
      ? {
          consent: {
            givenAt: draft.consentGivenAt ? `${draft.consentGivenAt}T00:00:00Z` : '',
            scope: draft.consentScope.trim(),
            evidence: draft.consentEvidence.trim(),
          },
        }
      : {}),
  };
  return { body, channelRows };
}

/** `channels.<sent index>…` → `channels.<form row>…`, so an error lands on the row the user typed. */
export function toFormPaths(errors: readonly FieldProblem[], channelRows: readonly number[]): FieldProblem[] {
  return errors.map((error) => {
    const match = /^channels\.(\d+)(\..*)?$/.exec(error.path);
    if (!match) return error;
    const row = channelRows[Number(match[1])];
    return row === undefined ? error : { ...error, path: `channels.${row}${match[2] ?? ''}` };
  });
}

/** What the API would refuse, found before sending: the domain's contract and rules. */
export function validateRequest(body: RegisterCreatorRequest): FieldProblem[] {
  const parsed = RegisterCreatorInput.safeParse(body);
  if (!parsed.success) return toFieldErrors(parsed.error);
  const errors: FieldProblem[] = [...findRepeatedChannels(parsed.data.channels)];
  try {
    assertConsentForPersonalData(Boolean(parsed.data.personalData), Boolean(parsed.data.consent));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.push(...error.errors);
  }
  return errors;
}

/** Every path the form can show an error at (fields and the groups around them). */
export function formPaths(draft: RegisterDraft): string[] {
  const paths = [
    'kind',
    'displayName',
    'channels',
    'topics',
    'languages',
    'regions',
    'personalData',
    'personalData.legalName',
    'personalData.nationalId',
    'personalData.phone',
    'personalData.email',
    'consent',
    'consent.givenAt',
    'consent.scope',
    'consent.evidence',
  ];
  draft.channels.forEach((_, row) => {
    for (const field of ['', '.platform', '.handle', '.url', '.followers', '.verified'])
      paths.push(`channels.${row}${field}`);
  });
  return paths;
}

/** The form's fields other than the channel rows. */
export type FormField = Exclude<keyof RegisterDraft, 'channels'>;

const FIELD_PATHS: Record<FormField, string> = {
  kind: 'kind',
  displayName: 'displayName',
  topics: 'topics',
  languages: 'languages',
  regions: 'regions',
  legalName: 'personalData.legalName',
  nationalId: 'personalData.nationalId',
  phone: 'personalData.phone',
  email: 'personalData.email',
  consentGivenAt: 'consent.givenAt',
  consentScope: 'consent.scope',
  consentEvidence: 'consent.evidence',
};

/** Where in the request a form field goes (and so where the API names its errors). */
export function fieldPathOf(field: FormField): string {
  return FIELD_PATHS[field];
}

/** The id of the input that shows errors at `path`, for the error summary's links. */
export function inputIdOf(path: string): string {
  return `register-${path.replace(/\./g, '-')}`;
}
