import type { DataSource, EntityManager } from 'typeorm';
import {
  agencyKind,
  applyChanges,
  assertConsentForPersonalData,
  assertCreatorMove,
  assertVettingAgrees,
  channelKey,
  decodeCursor,
  DomainError,
  encodeCursor,
  EVENTS,
  NUMBER_POSITION,
  findRepeatedChannels,
  foldText,
  newId,
  normalizeHandle,
  NotFoundError,
  type Actor,
  type ChangeAppliers,
  type ChannelInput,
  type CreatorByHandleReply,
  type CreatorByHandleRequest,
  type CreatorCommands,
  type CreatorSelectReply,
  type CreatorSelectRequest,
  type CreatorView,
  type DuplicateDismissal,
  type DuplicatePair,
  type Envelope,
  type PersonalDataView,
  type UpdateCreatorInput,
  type VettingOutcome,
  storedAsSent,
} from '@concord/domain';
import { abilityFor, roleMayNot, subject, toSqlCondition, type Action, type AppAbility } from '@concord/permissions';
import { appendAudit } from '@concord/audit';
import { recordEvent, transactOnce, writeOnce, type RunOnce } from '@concord/messaging';
import type { UnitOfWork } from '@concord/service-kit';
import pLimit from 'p-limit';
import type { z } from 'zod';
import { Channel } from './channel.entity';
import type { CreatorAgreementsRepository } from './creator-agreements.repository';
import { Creator, type RecordedEntry } from './creator.entity';
import { toCreatorSummary, toCreatorView } from './creator.mapper';
import {
  CREATOR_PERMISSION_COLUMNS,
  CreatorRepository,
  DUPLICATE_NAME_SIMILARITY,
  POSSIBLE_DUPLICATES,
  type ChannelOwner,
} from './creator.repository';
import type { SimilarNames } from './similar-names';
import type { PersonalDataCipher } from './personal-data.cipher';

type Cmd<K extends keyof typeof CreatorCommands> = Envelope<z.infer<(typeof CreatorCommands)[K]>>;

/**
 * The registry's application service: every method checks the caller's
 * ability first, then load → domain rule → persist + audit + outbox event
 * in one transaction.
 */
export class CreatorService {
  private readonly writeSlot: pLimit.Limit;

  /**
   * `concurrentWrites`: how many write transactions may hold a pool
   * connection at once. Fewer than the pool has, so that reads (a draft
   * asking for its counterparty, a page of creators) never queue behind a
   * burst of registrations for a connection; the writes queue here instead.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CreatorRepository,
    private readonly agreements: CreatorAgreementsRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly work: UnitOfWork,
    private readonly similarNames: SimilarNames,
    concurrentWrites = Number.POSITIVE_INFINITY,
  ) {
    this.writeSlot = pLimit(concurrentWrites);
  }

  async register(cmd: Cmd<'create'>): Promise<CreatorView> {
    const { actor } = cmd;
    const ability = requireAbility(actor, 'create');
    const input = cmd.data.input;
    assertConsentForPersonalData(Boolean(input.personalData), Boolean(input.consent));
    assertNoRepeatedChannels(input.channels);
    // The duplicate check, in memory (ADR 0017): names near-equal to this one, as pg_trgm's `%` would find them.
    const possibleDuplicates = await this.similarNames.similarTo(foldText(input.displayName), {
      threshold: DUPLICATE_NAME_SIMILARITY,
      limit: POSSIBLE_DUPLICATES,
    });
    const view = await this.write(
      cmd,
      async (manager) => {
        const id = newId();
        if (input.managementCompanyId) await this.assertManagementCompany(manager, ability, input.managementCompanyId);
        const now = new Date();
        const creator = manager.create(Creator, {
          id,
          kind: input.kind,
          displayName: input.displayName,
          status: 'prospect',
          version: 1,
          topics: input.topics,
          languages: input.languages,
          regions: input.regions,
          managementCompanyId: input.managementCompanyId ?? null,
          personalDataEnc: input.personalData ? this.cipher.encrypt(id, input.personalData) : null,
          consent: input.consent ?? null,
          vetting: [],
          training: [],
          incidents: [],
          statusHistory: [
            { from: null, to: 'prospect', reason: 'registered', at: now.toISOString(), by: actor.userId },
          ],
          totalFollowers: input.channels.reduce((sum, c) => sum + c.followers, 0),
          createdAt: now,
          updatedAt: now,
        });
        creator.channels = input.channels.map((c) => newChannel(id, c, now));
        await this.repo.insert(manager, creator);
        await appendAudit(manager, {
          actor,
          action: 'creator.registered',
          subject: `creator:${id}`,
          data: {
            displayName: creator.displayName,
            channels: input.channels.map((c) => channelKey(c.platform, c.handle)),
            personalData: Boolean(input.personalData),
          },
        });
        await recordEvent(
          manager,
          EVENTS.registry.creatorRegistered,
          actor,
          { creator: toCreatorSummary(creator) },
          cmd.correlationId,
        );
        return { ...toCreatorView(creator, { restricted: true }), possibleDuplicates };
      },
      input.channels,
      // Only new rows, written later: the registration and its record as one statement, no transaction block.
      writeOnce,
    );
    this.similarNames.apply(view);
    return view;
  }

  async get(cmd: Cmd<'get'>): Promise<CreatorView> {
    const ability = abilityFor(cmd.actor);
    // A role that may see restricted fields of some creator reads the active agreements beside the creator, not after:
    // one round trip of waiting instead of two (they are dropped when this creator's status hides them).
    const [creator, activeAgreements] = await Promise.all([
      this.findReadable(ability, cmd.data.id),
      ability.can('read_restricted', 'Creator') ? this.agreements.activeOf(cmd.data.id) : null,
    ]);
    const restricted = ability.can('read_restricted', subject('Creator', { status: creator.status }));
    const view = toCreatorView(creator, { restricted });
    return restricted ? { ...view, activeAgreements: activeAgreements ?? [] } : view;
  }

  async update(cmd: Cmd<'update'>): Promise<CreatorView> {
    const { actor, data } = cmd;
    const ability = requireAbility(actor, 'update');
    const view = await this.write(cmd, async (manager) => {
      const creator = await this.loadForChange(manager, ability, data.id, data.expectedVersion);
      const changes = data.changes;
      const context: ChangeContext = {
        manager,
        ability,
        cipher: this.cipher,
        assertManagementCompany: (m, a, companyId, selfId) => this.assertManagementCompany(m, a, companyId, selfId),
      };
      const changed = await applyChanges(CREATOR_CHANGES, creator, changes, context);
      // Nothing sent differs from what is stored: the creator as it is, no new version, audit entry or event.
      if (changed.length === 0) return toCreatorView(creator, { restricted: true });
      assertConsentForPersonalData(creator.personalDataEnc !== null, creator.consent !== null);
      return this.commitChange(
        manager,
        actor,
        creator,
        'creator.updated',
        { changed },
        null,
        cmd.correlationId,
        changed,
      );
    });
    this.similarNames.apply(view);
    return view;
  }

  /**
   * Moves a creator along the lifecycle (registry officers). `vetted` needs a
   * passed or conditional vetting result, or the legal officer's override,
   * which the status history and the audit trail keep with its reason.
   */
  async changeStatus(cmd: Cmd<'changeStatus'>): Promise<CreatorView> {
    const { actor, data } = cmd;
    const override = data.input.override === true;
    const ability = requireAbility(actor, override ? 'override_vetting' : 'change_status');
    const view = await this.write(cmd, async (manager) => {
      const creator = await this.loadForChange(manager, ability, data.id);
      const from = creator.status;
      const { to, reason } = data.input;
      assertCreatorMove(from, to, reason);
      assertVettingAgrees(to, creator.vetting as unknown as { outcome: VettingOutcome; vettedAt: string }[], override);
      creator.status = to;
      creator.statusHistory = [
        ...creator.statusHistory,
        { from, to, reason, at: new Date().toISOString(), by: actor.userId, ...(override ? { override } : {}) },
      ];
      const action = override ? 'creator.vetting_overridden' : 'creator.status_changed';
      const committed = await this.commitChange(
        manager,
        actor,
        creator,
        action,
        { from, to, ...(override ? { override } : {}) },
        reason,
        cmd.correlationId,
        null,
      );
      await recordEvent(
        manager,
        EVENTS.registry.creatorStatusChanged,
        actor,
        { creatorId: creator.id, from, to, reason },
        cmd.correlationId,
      );
      return committed;
    });
    this.similarNames.apply(view);
    return view;
  }

  async addChannel(cmd: Cmd<'addChannel'>): Promise<CreatorView> {
    const { actor, data } = cmd;
    const ability = requireAbility(actor, 'update');
    return this.write(
      cmd,
      async (manager) => {
        const creator = await this.loadForChange(manager, ability, data.id);
        const channel = newChannel(creator.id, data.input, new Date());
        await this.repo.addChannel(manager, channel);
        creator.channels = [...creator.channels, channel];
        creator.totalFollowers += channel.followers;
        return this.commitChange(
          manager,
          actor,
          creator,
          'creator.channel_added',
          { channel: channelKey(channel.platform, channel.handle) },
          null,
          cmd.correlationId,
          ['channels'],
        );
      },
      [data.input],
    );
  }

  addVetting(cmd: Cmd<'addVetting'>): Promise<CreatorView> {
    const input = { ...cmd.data.input, vettedAt: cmd.data.input.vettedAt ?? new Date().toISOString() };
    return this.appendRecord(cmd, 'vetting', input, 'creator.vetting_recorded', { outcome: input.outcome });
  }

  addTraining(cmd: Cmd<'addTraining'>): Promise<CreatorView> {
    return this.appendRecord(cmd, 'training', cmd.data.input, 'creator.training_recorded', {
      course: cmd.data.input.course,
    });
  }

  addIncident(cmd: Cmd<'addIncident'>): Promise<CreatorView> {
    return this.appendRecord(cmd, 'incidents', cmd.data.input, 'creator.incident_recorded', {
      severity: cmd.data.input.severity,
    });
  }

  /** Decrypts personal data for a role allowed it; the read and its reason go into the audit trail. */
  async readPersonalData(cmd: Cmd<'readPersonalData'>): Promise<PersonalDataView> {
    const { actor, data } = cmd;
    const ability = abilityFor(actor);
    // A read, but one the audit trail records: its entry is linked at once like a write's.
    return this.work.job(async (manager) => {
      const creator = await this.repo.findVisible(visibilityOf(ability), data.id, { manager });
      if (!creator) throw new NotFoundError('creator', data.id);
      if (!ability.can('read_personal_data', subject('Creator', { status: creator.status }))) {
        throw new DomainError('auth.forbidden', 'Your role may not read personal data');
      }
      await appendAudit(manager, {
        actor,
        action: 'creator.personal_data_read',
        subject: `creator:${creator.id}`,
        reason: data.reason,
        data: {},
      });
      if (!creator.personalDataEnc) return { legalName: '', nationalId: null, phone: null, email: null };
      const pd = this.cipher.decrypt(creator.id, creator.personalDataEnc);
      return {
        legalName: pd.legalName,
        nationalId: pd.nationalId ?? null,
        phone: pd.phone ?? null,
        email: pd.email ?? null,
      };
    });
  }

  async list(cmd: Cmd<'list'>) {
    const ability = abilityFor(cmd.actor);
    const page = await this.repo.search(visibilityOf(ability), cmd.data.query);
    return { items: page.items.map(toCreatorSummary), nextCursor: page.nextCursor };
  }

  /**
   * Creators for a fan-out (tasking asks): those of `creatorIds` that exist
   * and the caller may see, or a page of those `filter` finds, in id order
   * after `after`. Visibility is the list's: a partner agency gets active
   * creators only. `nextAfter` names the last id of a full filter page.
   */
  async select(cmd: Envelope<z.infer<typeof CreatorSelectRequest>>): Promise<z.infer<typeof CreatorSelectReply>> {
    const { creatorIds, filter, after, limit, count } = cmd.data;
    if ((creatorIds === undefined) === (filter === undefined)) {
      throw new DomainError('validation.failed', 'Give either creatorIds or filter, not both', [
        { path: 'creatorIds', code: 'one_of', message: 'Give either creatorIds or filter, not both' },
      ]);
    }
    const visibility = visibilityOf(abilityFor(cmd.actor));
    if (creatorIds) {
      const { items, total } = await this.repo.select(visibility, { creatorIds: [...new Set(creatorIds)] }, count);
      return { items, total, nextAfter: null };
    }
    const { items, total } = await this.repo.select(visibility, { filter: filter!, after, limit }, count);
    return { items, total, nextAfter: items.length === limit ? items[items.length - 1].creatorId : null };
  }

  /**
   * The creator owning a channel with this handle, on whichever platform
   * (compared as duplicate detection compares channels). For the lead
   * agency's staff only: the gateway signs creators in with it.
   */
  async byHandle(cmd: Envelope<z.infer<typeof CreatorByHandleRequest>>): Promise<z.infer<typeof CreatorByHandleReply>> {
    const ability = abilityFor(cmd.actor);
    if (agencyKind(cmd.actor.orgId) !== 'lead' || !ability.can('read', 'Creator')) {
      throw new DomainError('auth.forbidden', 'Only the lead agency looks creators up by channel handle');
    }
    const handle = normalizeHandle(cmd.data.handle);
    const owners = await this.repo.findHandleOwners(visibilityOf(ability), handle);
    const creators = [...new Map(owners.map((o) => [o.creatorId, o])).values()];
    if (creators.length === 0) throw new NotFoundError('creator', `@${handle}`);
    if (creators.length > 1) {
      // The same handle on different platforms, registered to different creators: naming one would be a guess.
      throw new DomainError(
        'validation.failed',
        `The handle @${handle} belongs to ${creators.length} creators on different platforms`,
        [
          {
            path: 'handle',
            code: 'ambiguous_handle',
            message: owners.map((o) => `${o.platform}: ${o.displayName}`).join('; '),
          },
        ],
      );
    }
    const [{ creatorId, displayName, kind }] = creators;
    return { creatorId, displayName, kind };
  }

  async duplicates(cmd: Cmd<'duplicates'>): Promise<{ items: DuplicatePair[]; nextCursor: string | null }> {
    const ability = requireAbility(cmd.actor, 'update');
    const { minSimilarity, limit, cursor } = cmd.data.query;
    const offset = cursor ? Number(decodeCursor(cursor, NUMBER_POSITION)) : 0;
    const { rows, more } = await this.repo.duplicatePairs(visibilityOf(ability), minSimilarity, limit, offset);
    return {
      items: rows.map((r) => ({
        a: { id: r.aId, displayName: r.aName },
        b: { id: r.bId, displayName: r.bName },
        similarity: r.similarity,
      })),
      nextCursor: more ? encodeCursor(String(offset + limit)) : null,
    };
  }

  /** A registrar's verdict: these two near-equal names are different creators. */
  async dismissDuplicate(cmd: Cmd<'dismissDuplicate'>): Promise<DuplicateDismissal> {
    const { actor } = cmd;
    const ability = requireAbility(actor, 'update');
    const [x, y] = cmd.data.input.creatorIds;
    const [a, b] = x < y ? [x, y] : [y, x];
    return this.write(cmd, async (manager) => {
      for (const id of [a, b]) await this.findReadable(ability, id, manager);
      const recorded = await this.repo.dismissDuplicate(manager, a, b, cmd.data.input.reason, actor.userId);
      if (recorded) {
        await appendAudit(manager, {
          actor,
          action: 'creator.duplicate_dismissed',
          subject: `creator:${a}`,
          reason: cmd.data.input.reason,
          data: { other: b },
        });
      }
      const dismissal = (await this.repo.findDismissal(manager, a, b))!;
      return {
        a,
        b,
        reason: dismissal.reason,
        dismissedBy: dismissal.dismissedBy,
        dismissedAt: dismissal.dismissedAt.toISOString(),
      };
    });
  }

  // ---- helpers ----

  /**
   * Runs a command through the unit of work (one transaction, or one
   * statement with `writeOnce`). A command that adds `channels` does not ask
   * first whether they are free: the unique index refuses a taken one, and
   * only then is the owner looked up, to say who has it (one statement less
   * on every registration that succeeds).
   */
  private async write<R>(
    cmd: Envelope<unknown>,
    body: (manager: EntityManager) => Promise<R>,
    channels: ChannelInput[] = [],
    runOnce: RunOnce = transactOnce,
  ): Promise<R> {
    const run = () => this.writeSlot(() => this.work.command(cmd, body, runOnce));
    try {
      return await run();
    } catch (error) {
      if (!channels.length || !isUniqueViolation(error, 'channels_platform_handle')) throw error;
      const owners = await this.repo.findChannelOwners(this.dataSource.manager, wantedChannels(channels));
      if (owners.length) throw channelTaken(owners, channels);
      // The owner left between the two: try once more.
      return run();
    }
  }

  private async findReadable(ability: AppAbility, id: string, manager?: EntityManager, lock = false): Promise<Creator> {
    const creator = await this.repo.findVisible(visibilityOf(ability), id, { manager, lock });
    if (!creator) throw new NotFoundError('creator', id);
    return creator;
  }

  private async loadForChange(
    manager: EntityManager,
    ability: AppAbility,
    id: string,
    expectedVersion?: number,
  ): Promise<Creator> {
    const creator = await this.findReadable(ability, id, manager, true);
    if (expectedVersion !== undefined && creator.version !== expectedVersion) {
      throw new DomainError(
        'version.mismatch',
        `The creator is at version ${creator.version}, not ${expectedVersion}; reload and retry`,
        [],
        {
          currentVersion: creator.version,
        },
      );
    }
    return creator;
  }

  private async commitChange(
    manager: EntityManager,
    actor: Actor,
    creator: Creator,
    action: string,
    auditData: Record<string, unknown>,
    reason: string | null,
    correlationId: string,
    changed: string[] | null,
  ): Promise<CreatorView> {
    creator.version += 1;
    creator.updatedAt = new Date();
    await this.repo.save(manager, creator);
    await appendAudit(manager, {
      actor,
      action,
      subject: `creator:${creator.id}`,
      reason,
      data: { ...auditData, version: creator.version },
    });
    if (changed) {
      await recordEvent(
        manager,
        EVENTS.registry.creatorUpdated,
        actor,
        { creator: toCreatorSummary(creator), version: creator.version, changed },
        correlationId,
      );
    }
    return toCreatorView(creator, { restricted: true });
  }

  private async appendRecord(
    cmd: Cmd<'addVetting' | 'addTraining' | 'addIncident'>,
    field: 'vetting' | 'training' | 'incidents',
    input: object,
    action: string,
    auditData: Record<string, unknown>,
  ): Promise<CreatorView> {
    const { actor, data } = cmd;
    const ability = requireAbility(actor, 'update');
    return this.write(cmd, async (manager) => {
      const creator = await this.loadForChange(manager, ability, data.id);
      const entry: RecordedEntry = {
        ...input,
        id: newId(),
        recordedAt: new Date().toISOString(),
        recordedBy: actor.userId,
      };
      creator[field] = [...creator[field], entry];
      return this.commitChange(
        manager,
        actor,
        creator,
        action,
        { ...auditData, recordId: entry.id },
        null,
        cmd.correlationId,
        [field],
      );
    });
  }

  private async assertManagementCompany(
    manager: EntityManager,
    ability: AppAbility,
    companyId: string,
    selfId?: string,
  ): Promise<void> {
    const company = await this.repo.findVisible(visibilityOf(ability), companyId, { manager });
    if (!company || company.kind !== 'management_company' || company.id === selfId) {
      throw new DomainError('validation.failed', 'The management company is not a registered management company', [
        {
          path: 'managementCompanyId',
          code: 'not_a_management_company',
          message: 'Name a creator registered as a management company',
        },
      ]);
    }
  }
}

function requireAbility(actor: Actor, action: Action): AppAbility {
  const ability = abilityFor(actor);
  if (!ability.can(action, 'Creator')) {
    if (!ability.can('read', 'Creator'))
      throw new DomainError('auth.forbidden', 'Your agency may not change the creator registry');
    throw roleMayNot(action, 'Creator');
  }
  return ability;
}

interface ChangeContext {
  manager: EntityManager;
  ability: AppAbility;
  cipher: PersonalDataCipher;
  assertManagementCompany(
    manager: EntityManager,
    ability: AppAbility,
    companyId: string,
    selfId?: string,
  ): Promise<void>;
}

/** How each field of a creator update changes the creator. */
const CREATOR_CHANGES: ChangeAppliers<UpdateCreatorInput, Creator, ChangeContext> = {
  ...storedAsSent<Creator>()('displayName', 'topics', 'languages', 'regions', 'consent'),
  managementCompanyId: async (creator, value, { manager, ability, assertManagementCompany }) => {
    if (value) await assertManagementCompany(manager, ability, value, creator.id);
    creator.managementCompanyId = value;
  },
  personalData: (creator, value, { cipher }) => {
    creator.personalDataEnc = value ? cipher.encrypt(creator.id, value) : null;
  },
};

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { driverError?: { code?: string; constraint?: string } };
  return e?.driverError?.code === '23505' && e.driverError.constraint === constraint;
}

function visibilityOf(ability: AppAbility) {
  return toSqlCondition(ability, 'read', 'Creator', CREATOR_PERMISSION_COLUMNS);
}

function assertNoRepeatedChannels(channels: ChannelInput[]): void {
  const errors = findRepeatedChannels(channels);
  if (errors.length) throw new DomainError('validation.failed', 'The same channel is listed twice', errors);
}

function newChannel(creatorId: string, c: ChannelInput, now: Date): Channel {
  return Object.assign(new Channel(), {
    id: newId(),
    creatorId,
    platform: c.platform,
    handle: c.handle.replace(/^@+/, ''),
    handleNormalized: normalizeHandle(c.handle),
    url: c.url,
    followers: c.followers,
    verified: c.verified,
    verifiedCheckedAt: c.verifiedCheckedAt ? new Date(c.verifiedCheckedAt) : c.verified ? now : null,
    createdAt: now,
  });
}

function channelTaken(owners: ChannelOwner[], requested: ChannelInput[]): DomainError {
  const first = owners[0];
  const index = requested.findIndex(
    (c) => c.platform === first.platform && normalizeHandle(c.handle) === normalizeHandle(first.handle),
  );
  return new DomainError(
    'creator.channel_taken',
    `The ${first.platform} channel @${first.handle} is already registered to ${first.displayName}`,
    owners.map((o) => ({
      path: `channels.${Math.max(
        0,
        requested.findIndex(
          (c) => c.platform === o.platform && normalizeHandle(c.handle) === normalizeHandle(o.handle),
        ),
      )}.handle`,
      code: 'channel_taken',
      message: `Already registered to ${o.displayName}`,
    })),
    { existingCreatorId: first.creatorId, existingCreatorName: first.displayName, channelIndex: index },
  );
}

function wantedChannels(channels: ChannelInput[]): { platform: string; handleNormalized: string }[] {
  return channels.map((c) => ({ platform: c.platform, handleNormalized: normalizeHandle(c.handle) }));
}
