import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectName } from '@concord/permissions';

export const ROUTE_ACCESS = 'concord:access';

/** What a route declares about who may call it (every route declares one, or is @Public()). */
export type RouteAccess = { kind: 'ability'; action: Action; subject: SubjectName } | { kind: 'service' };

/**
 * The caller's roles must allow `action` on some `subject` (@concord/permissions): the coarse check at the edge, made
 * by the AccessGuard before the request goes on. The service checks again on the object itself.
 */
export const Access = (action: Action, subject: SubjectName) =>
  SetMetadata(ROUTE_ACCESS, { kind: 'ability', action, subject } satisfies RouteAccess);

/**
 * Any signed-in person may call it, and the service decides on the object: what the caller may not see is 404, what
 * their role may not do is 403 (each service asks @concord/permissions about the object it loaded).
 */
export const ServiceDecides = () => SetMetadata(ROUTE_ACCESS, { kind: 'service' } satisfies RouteAccess);
