import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The columns of a row someone made: `id uuid` (the service makes it), `created_by text` and `created_at timestamptz`
 * (the database sets it on insert). An entity extends it and TypeORM maps the columns to the entity's own table.
 */
export abstract class AuthoredRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * An authored row with a lifecycle: its `status text`, the `status_history jsonb` of its changes (`Change`, e.g.
 * StatusChange<Status> of @concord/domain), the `version int` that every change bumps (optimistic locking) and
 * `updated_at timestamptz`, when it last changed (TypeORM sets it on every save and update; lists' `updatedSince`).
 */
export abstract class StatusTrackedRow<Status extends string, Change> extends AuthoredRow {
  @Column('text')
  status: Status;

  @Column({ name: 'status_history', type: 'jsonb' })
  statusHistory: Change[];

  @Column('int')
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
