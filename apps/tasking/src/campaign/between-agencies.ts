import { Column } from 'typeorm';
import { StatusTrackedRow } from '@concord/database';
import type { StatusChange } from '@concord/domain';

/** What one agency asks of another (a joint campaign request, an agency task): who asks, who is asked, its lifecycle. */
export abstract class BetweenAgencies<Status extends string> extends StatusTrackedRow<Status, StatusChange<Status>> {
  @Column({ name: 'from_agency_id', type: 'text' })
  fromAgencyId: string;

  @Column({ name: 'to_agency_id', type: 'text' })
  toAgencyId: string;
}
