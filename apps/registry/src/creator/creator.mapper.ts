import type { CreatorSummary, CreatorView } from '@concord/domain';
import type { Channel } from './channel.entity';
import type { Creator } from './creator.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function channelView(c: Channel) {
  return {
    id: c.id,
    platform: c.platform,
    handle: c.handle,
    url: c.url,
    followers: c.followers,
    verified: c.verified,
    verifiedCheckedAt: iso(c.verifiedCheckedAt),
  };
}

/**
 * A creator as the caller may see it: vetting, incidents and consent only
 * with `read_restricted`; personal data never (it has its own audited read).
 */
export function toCreatorView(creator: Creator, options: { restricted: boolean }): CreatorView {
  const channels = [...(creator.channels ?? [])].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  return {
    id: creator.id,
    kind: creator.kind,
    displayName: creator.displayName,
    status: creator.status,
    version: creator.version,
    channels: channels.map(channelView),
    topics: creator.topics as CreatorView['topics'],
    languages: creator.languages,
    regions: creator.regions,
    managementCompanyId: creator.managementCompanyId,
    hasPersonalData: creator.personalDataEnc !== null,
    ...(options.restricted
      ? {
          consent: creator.consent,
          vetting: creator.vetting as NonNullable<CreatorView['vetting']>,
          incidents: creator.incidents as NonNullable<CreatorView['incidents']>,
        }
      : {}),
    training: creator.training as CreatorView['training'],
    statusHistory: creator.statusHistory,
    createdAt: creator.createdAt.toISOString(),
    updatedAt: creator.updatedAt.toISOString(),
  };
}

export function toCreatorSummary(creator: Creator): CreatorSummary {
  return {
    id: creator.id,
    kind: creator.kind,
    displayName: creator.displayName,
    status: creator.status,
    channels: (creator.channels ?? []).map((c) => ({
      platform: c.platform,
      handle: c.handle,
      followers: c.followers,
      verified: c.verified,
    })),
    topics: creator.topics as CreatorSummary['topics'],
    languages: creator.languages,
    regions: creator.regions,
    totalFollowers: creator.totalFollowers,
  };
}
