import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuditQuery, parseOrThrow, SUBJECTS, type Actor, type AuditVerdict } from '@concord/domain';
import type { ServiceClient } from '@concord/messaging';
import { CurrentActor } from '../auth/auth.decorators';
import { ServiceDecides } from '../auth/access.decorators';
import { ApiAnswers, ApiQueryFrom } from '../openapi/schemas';
import { AuditCheckpointRepository } from './audit-checkpoint.repository';
import { AuditKeys } from './audit-keys';
import { AgreementsClient, ApprovalsClient, RegistryClient, TaskingClient } from '../services/service-clients';

/** Which service keeps the trail of which kind of object. */
const TRAILS = {
  registry: {
    kinds: ['creator'],
    list: SUBJECTS.registry.auditList,
    verify: SUBJECTS.registry.auditVerify,
    export: SUBJECTS.registry.auditExport,
  },
  agreements: {
    kinds: ['agreement'],
    list: SUBJECTS.agreements.auditList,
    verify: SUBJECTS.agreements.auditVerify,
    export: SUBJECTS.agreements.auditExport,
  },
  tasking: {
    kinds: ['campaign', 'campaign_request', 'agency_task', 'assignment'],
    list: SUBJECTS.tasking.auditList,
    verify: SUBJECTS.tasking.auditVerify,
    export: SUBJECTS.tasking.auditExport,
  },
  approvals: {
    kinds: ['submission'],
    list: SUBJECTS.approvals.auditList,
    verify: SUBJECTS.approvals.auditVerify,
    export: SUBJECTS.approvals.auditExport,
  },
} as const;
type Trail = keyof typeof TRAILS;

export const AuditExportQuery = z.object({
  /** Whose trail: one service, or (unset) all four one after another. */
  service: z.enum(['registry', 'agreements', 'tasking', 'approvals']).optional(),
});

export const GatewayAuditQuery = AuditQuery.extend({
  /** Whose trail, when no subject says it: registry (default), agreements, tasking or approvals. */
  service: z.enum(['registry', 'agreements', 'tasking', 'approvals']).optional(),
});

/** Each service keeps its own hash-chained trail; the gateway routes to the one that holds the subject. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  private readonly clients: Record<Trail, ServiceClient>;

  constructor(
    @Inject(RegistryClient) registry: RegistryClient,
    @Inject(AgreementsClient) agreements: AgreementsClient,
    @Inject(TaskingClient) tasking: TaskingClient,
    @Inject(ApprovalsClient) approvals: ApprovalsClient,
    @Inject(AuditCheckpointRepository) private readonly checkpoints: AuditCheckpointRepository,
    @Inject(AuditKeys) private readonly keys: AuditKeys,
  ) {
    this.clients = { registry, agreements, tasking, approvals };
  }

  @ServiceDecides()
  @Get()
  @ApiOperation({
    operationId: 'listAudit',
    summary: "Your agency's audit trail, newest first (who, agency, action, when, reason)",
  })
  @ApiQueryFrom(GatewayAuditQuery)
  @ApiAnswers(200, 'AuditPage', [403])
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    const { service, ...query } = parseOrThrow(GatewayAuditQuery, raw);
    const kind = query.subject?.split(':')[0];
    const trail =
      (Object.keys(TRAILS) as Trail[]).find((t) => (TRAILS[t].kinds as readonly string[]).includes(kind ?? '')) ??
      service ??
      'registry';
    return this.clients[trail].request(TRAILS[trail].list, { query }, actor);
  }

  @ServiceDecides()
  @Get('verify')
  @ApiOperation({
    operationId: 'verifyAudit',
    summary:
      "Check every service's chain: each entry against its digest, each link against the one before and the service's signature, and the chain against the signed checkpoints the gateway keeps; names where a chain broke",
  })
  @ApiAnswers(200, 'AuditVerdict', [403])
  async verify(@CurrentActor() actor: Actor) {
    const trails = Object.keys(TRAILS) as Trail[];
    const verdicts = await Promise.all(trails.map((t) => this.verifyOne(t, actor)));
    const services = Object.fromEntries(trails.map((t, i) => [t, verdicts[i]]));
    return { valid: verdicts.every((v) => v.valid), entries: verdicts.reduce((n, v) => n + v.entries, 0), services };
  }

  @ServiceDecides()
  @Get('export')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    operationId: 'exportAudit',
    summary:
      "Your agency's copy of the trails, one link per line (NDJSON): every link with its digest, hash and signature; the facts of the entries your agency may see. Check it offline with `npm run audit:verify` (README) against the public checkpoints and keys",
  })
  @ApiQueryFrom(AuditExportQuery)
  @ApiAnswers(200, 'AuditExportLine', [403])
  async export(@CurrentActor() actor: Actor, @Query() raw: unknown): Promise<StreamableFile> {
    const { service } = parseOrThrow(AuditExportQuery, raw);
    const trails = service ? [service] : (Object.keys(TRAILS) as Trail[]);
    // Ask once before answering, so a caller who may not read the trail gets the service's refusal, not an empty stream.
    const first = await this.clients[trails[0]].request(TRAILS[trails[0]].export, { after: 0, limit: 1000 }, actor);
    const pages = async function* (this: AuditController) {
      for (const [i, trail] of trails.entries()) {
        let page =
          i === 0 ? first : await this.clients[trail].request(TRAILS[trail].export, { after: 0, limit: 1000 }, actor);
        for (;;) {
          if (page.links.length) yield page.links.map((l) => `${JSON.stringify(l)}\n`).join('');
          if (page.next === null) break;
          page = await this.clients[trail].request(TRAILS[trail].export, { after: page.next, limit: 1000 }, actor);
        }
      }
    }.call(this);
    return new StreamableFile(Readable.from(pages), {
      type: 'application/x-ndjson',
      disposition: 'attachment; filename="concord-audit.ndjson"',
    });
  }

  /** One service's verdict against the checkpoints the gateway verified and kept; without a configured key there is nothing to check against. */
  private async verifyOne(trail: Trail, actor: Actor): Promise<AuditVerdict> {
    const checkpoints = await this.checkpoints.latest(trail);
    const verdict = await this.clients[trail].request(TRAILS[trail].verify, { checkpoints }, actor);
    if (!this.keys.of(trail)) {
      return {
        ...verdict,
        valid: false,
        problem: {
          seq: 0,
          code: 'key.missing',
          detail: `no audit public key is configured at the gateway for ${trail} (CONCORD_AUDIT_PUBLIC_KEY_${trail.toUpperCase()})`,
        },
      };
    }
    return verdict;
  }
}
