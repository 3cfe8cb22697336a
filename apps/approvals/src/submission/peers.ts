import { z } from 'zod';
import { AssignmentView, CampaignView, ChannelView, DomainError, SUBJECTS, type Actor } from '@concord/domain';
import type { ServiceClient } from '@concord/messaging';

const CHANNELS = z.object({ channels: z.array(ChannelView.pick({ platform: true, handle: true, url: true })) });

/** Approvals reads the registry as a lead-agency service, never as a person: only to check a publication's channel. */
const REGISTRY_READER: Actor = { userId: 'service:approvals', orgId: 'mcst-ttcs', roles: ['reviewer'] };

/**
 * What approvals asks other services. Assignments and campaigns are asked
 * as the caller, so tasking's permissions apply to them as to anyone.
 */
export class Peers {
  constructor(private readonly nats: ServiceClient) {}

  async assignment(actor: Actor, id: string): Promise<AssignmentView> {
    return AssignmentView.parse(await this.nats.request(SUBJECTS.tasking.assignmentGet, { id }, actor));
  }

  async campaign(actor: Actor, id: string): Promise<CampaignView> {
    return CampaignView.parse(await this.nats.request(SUBJECTS.tasking.campaignGet, { id }, actor));
  }

  async channelsOf(creatorId: string): Promise<{ platform: string; handle: string; url: string }[]> {
    try {
      return CHANNELS.parse(await this.nats.request(SUBJECTS.registry.creatorGet, { id: creatorId }, REGISTRY_READER))
        .channels;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') return [];
      throw error;
    }
  }
}
