import type { DataSource, EntityManager } from 'typeorm';
import {
  agencyTaskMachine,
  decodeCursor,
  DomainError,
  encodeCursor,
  NUMBER_POSITION,
  EVENTS,
  findAgency,
  isTaskOverdue,
  newId,
  NotFoundError,
  refusePastDue,
  type Actor,
  type AgencyTaskMove,
  type CampaignCommands,
  type Envelope,
  recordStatusChange,
} from '@concord/domain';
import { abilityFor, toSqlCondition, type ColumnSpec } from '@concord/permissions';
import { appendAudit } from '@concord/audit';
import { recordEvent } from '@concord/messaging';
import type { UnitOfWork } from '@concord/service-kit';
import type { z } from 'zod';
import { AgencyTask } from './agency-task.entity';
import { assertMayAsk, assertMayBetweenAgencies } from './between-agencies.permissions';
import type { AgencyTaskRepository } from './agency-task.repository';
import type { CampaignRepository } from './campaign.repository';
import { campaignsVisibleTo } from './campaign.service';
import { newStatusTracked } from '../database/new-status-tracked';

type Cmd<K extends keyof typeof CampaignCommands> = Envelope<z.infer<(typeof CampaignCommands)[K]>>;

const TASK_COLUMNS: Record<string, ColumnSpec> = { fromAgencyId: 't.from_agency_id', toAgencyId: 't.to_agency_id' };

/** Who moves a task: the asked agency answers and works it; the asking agency may cancel it. */
const SIDE_OF: Record<AgencyTaskMove, 'answer' | 'follow_up'> = {
  accept: 'answer',
  decline: 'answer',
  start: 'answer',
  complete: 'answer',
  cancel: 'follow_up',
};

export function toAgencyTaskView(t: AgencyTask, now = new Date()) {
  return {
    id: t.id,
    fromAgencyId: t.fromAgencyId,
    toAgencyId: t.toAgencyId,
    campaignId: t.campaignId,
    title: t.title,
    description: t.description,
    dueAt: t.dueAt.toISOString(),
    status: t.status,
    overdue: isTaskOverdue(t.status, t.dueAt, now),
    statusHistory: t.statusHistory,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
  };
}

/** Agency tasks: asked, answered, worked and closed, each step audited and published. */
export class AgencyTaskService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: AgencyTaskRepository,
    private readonly campaigns: CampaignRepository,
    private readonly work: UnitOfWork,
  ) {}

  async create(cmd: Cmd<'taskCreate'>) {
    const { actor, data } = cmd;
    const input = data.input;
    assertMayAsk(actor, 'AgencyTask', input.toAgencyId, 'Your role may not ask other agencies for work');
    if (!findAgency(input.toAgencyId) || input.toAgencyId === actor.orgId) {
      throw new DomainError('validation.failed', 'Ask another known agency', [
        { path: 'toAgencyId', code: 'unknown_agency', message: 'Name another agency, e.g. mcst-ttcs or mofa' },
      ]);
    }
    refusePastDue(input.dueAt, new Date(), 'dueAt');
    const result = await this.work.command(cmd, async (manager) => {
      const now = new Date();
      // A campaign the asking agency cannot see answers as one that does not exist: no existence oracle.
      if (
        input.campaignId &&
        !(await this.campaigns.findVisible(campaignsVisibleTo(actor), input.campaignId, { manager }))
      ) {
        throw new DomainError(
          'not_found',
          `campaign ${input.campaignId} was not found`,
          [{ path: 'campaignId', code: 'not_found', message: 'Name a campaign of your agency or one it partners in' }],
          { resource: 'campaign', id: input.campaignId },
        );
      }
      const task = manager.create(AgencyTask, {
        id: newId(),
        fromAgencyId: actor.orgId,
        toAgencyId: input.toAgencyId,
        campaignId: input.campaignId ?? null,
        title: input.title,
        description: input.description,
        dueAt: new Date(input.dueAt),
        ...newStatusTracked('proposed', actor.userId, now),
      });
      await manager.insert(AgencyTask, task);
      await appendAudit(manager, {
        actor,
        action: 'agency_task.proposed',
        subject: `agency_task:${task.id}`,
        data: { to: task.toAgencyId, dueAt: input.dueAt },
      });
      await recordEvent(
        manager,
        EVENTS.tasking.taskProposed,
        actor,
        { taskId: task.id, fromAgencyId: task.fromAgencyId, toAgencyId: task.toAgencyId, status: task.status },
        cmd.correlationId,
      );
      return toAgencyTaskView(task);
    });
    return result;
  }

  async get(cmd: Cmd<'taskGet'>) {
    return toAgencyTaskView(await this.find(this.dataSource.manager, cmd.actor, cmd.data.id));
  }

  /** Inbox (asked of your agency) or outbox (asked by it), optionally only what is overdue, soonest due first. */
  async list(cmd: Cmd<'taskList'>) {
    const { query } = cmd.data;
    const visibility = toSqlCondition(abilityFor(cmd.actor), 'read', 'AgencyTask', TASK_COLUMNS);
    const offset = query.cursor ? Number(decodeCursor(query.cursor, NUMBER_POSITION)) : 0;
    const rows = await this.tasks.list(visibility, {
      box: query.box,
      orgId: cmd.actor.orgId,
      status: query.status,
      updatedSince: query.updatedSince,
      overdue: query.overdue,
      offset,
      limit: query.limit,
    });
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((t) => toAgencyTaskView(t)),
      nextCursor: rows.length > query.limit ? encodeCursor(String(offset + query.limit)) : null,
    };
  }

  async move(cmd: Cmd<'taskMove'>) {
    const { actor, data } = cmd;
    const result = await this.work.command(cmd, async (manager) => {
      const task = await this.find(manager, actor, data.id, true);
      assertMayBetweenAgencies(
        actor,
        SIDE_OF[data.move],
        'AgencyTask',
        task,
        SIDE_OF[data.move] === 'answer'
          ? 'Only the asked agency works a task'
          : 'Only the asking agency cancels a task',
      );
      const to = agencyTaskMachine.move(task.status, data.move);
      const reason = data.input.note ?? null;
      recordStatusChange(task, to, actor.userId, reason);
      await this.tasks.saveNextVersion(manager, task);
      await appendAudit(manager, {
        actor,
        action: `agency_task.${data.move}`,
        subject: `agency_task:${task.id}`,
        reason,
        data: { status: to },
      });
      await recordEvent(
        manager,
        EVENTS.tasking.taskStatusChanged,
        actor,
        { taskId: task.id, fromAgencyId: task.fromAgencyId, toAgencyId: task.toAgencyId, status: to },
        cmd.correlationId,
      );
      return toAgencyTaskView(task);
    });
    return result;
  }

  private async find(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<AgencyTask> {
    const visibility = toSqlCondition(abilityFor(actor), 'read', 'AgencyTask', TASK_COLUMNS);
    const task = await this.tasks.findVisible(visibility, id, { manager, lock });
    if (!task) throw new NotFoundError('agency task', id);
    return task;
  }
}
