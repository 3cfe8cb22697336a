import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import type { ChannelInput } from '@concord/domain';
import { Creator } from './creator.entity';

/** A creator's account on one platform. The same channel exists once. */
@Entity({ name: 'channels' })
@Index('channels_platform_handle', ['platform', 'handleNormalized'], { unique: true })
@Index('channels_creator', ['creatorId'])
@Check('channels_followers_check', 'followers >= 0')
export class Channel {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'creator_id', type: 'uuid' })
  creatorId: string;

  @ManyToOne(() => Creator, (creator) => creator.channels, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'creator_id', foreignKeyConstraintName: 'channels_creator_id_fkey' })
  creator: Relation<Creator>;

  @Column('text')
  platform: ChannelInput['platform'];

  @Column('text')
  handle: string;

  /** Lower case, without a leading `@`: what makes a channel the same. */
  @Column({ name: 'handle_normalized', type: 'text' })
  handleNormalized: string;

  @Column('text')
  url: string;

  @Column('int')
  followers: number;

  @Column('boolean')
  verified: boolean;

  @Column({ name: 'verified_checked_at', type: 'timestamptz', nullable: true })
  verifiedCheckedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
