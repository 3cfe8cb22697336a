import type { Schemas } from '../../api/client';

/** What a part of the campaign page that writes gets: the campaign, how to say a write is done, how to read it again. */
export interface CampaignWriteProps {
  campaign: Schemas['CampaignView'];
  /** Says what the write did; the page reads the campaign again. */
  onDone: (message: string) => void;
  /** Reads the campaign again (after a stale refusal). */
  reload: () => void;
}
