import type { z } from 'zod';
import { AGREEMENTS_CONTRACTS, AGREEMENTS_EVENTS } from './agreements.contracts';
import { APPROVALS_CONTRACTS, APPROVALS_EVENTS } from './approvals.contracts';
import type { Contract } from './contract';
import { REGISTRY_CONTRACTS, REGISTRY_EVENTS } from './registry.contracts';
import { TASKING_CONTRACTS, TASKING_EVENTS } from './tasking.contracts';

/**
 * Every request-reply subject of every service, with the schema of what it takes and what it answers. The handlers
 * validate requests with it (`@Handles`), the RPC client types its calls and replies with it, and tests validate
 * every reply against it.
 */
export const CONTRACTS = {
  ...REGISTRY_CONTRACTS,
  ...AGREEMENTS_CONTRACTS,
  ...TASKING_CONTRACTS,
  ...APPROVALS_CONTRACTS,
} as const satisfies Record<string, Contract>;

/** Every event of every service, with the schema of its data; `recordEvent` takes only data of that type. */
export const EVENT_DATA = {
  ...REGISTRY_EVENTS,
  ...AGREEMENTS_EVENTS,
  ...TASKING_EVENTS,
  ...APPROVALS_EVENTS,
} as const satisfies Record<string, z.ZodType>;

export type Subject = keyof typeof CONTRACTS;
/** What a subject takes, as the caller may send it (defaults optional). */
export type RequestOf<S extends Subject> = z.input<(typeof CONTRACTS)[S]['request']>;
/** What a subject's handler receives, after validation (defaults filled in). */
export type ParsedRequestOf<S extends Subject> = z.output<(typeof CONTRACTS)[S]['request']>;
/** What a subject answers. */
export type ReplyOf<S extends Subject> = z.output<(typeof CONTRACTS)[S]['reply']>;

export type EventSubject = keyof typeof EVENT_DATA;
/** What an event carries, as its producer writes it (defaults optional). */
export type EventDataOf<E extends EventSubject> = z.input<(typeof EVENT_DATA)[E]>;
