import { z } from 'zod';
import { CreatorStatus, CreatorSummary } from './creator';

export const CreatorRegistered = z.object({ creator: CreatorSummary });
export const CreatorUpdated = z.object({
  creator: CreatorSummary,
  version: z.number().int(),
  changed: z.array(z.string()),
});
export const CreatorStatusChanged = z.object({
  creatorId: z.uuid(),
  from: CreatorStatus,
  to: CreatorStatus,
  reason: z.string(),
});
