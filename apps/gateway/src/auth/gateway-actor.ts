import type { Actor } from '@concord/domain';

/**
 * The gateway itself, asking the registry on behalf of a caller who may not
 * (a creator signing in, or reading who they are): staff of the lead agency.
 */
export const GATEWAY_ACTOR: Actor = { userId: 'concord-gateway', orgId: 'mcst-ttcs', roles: ['registry_officer'] };
