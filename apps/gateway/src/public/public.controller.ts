import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { parseOrThrow, PublicPartnershipQuery, SUBJECTS, type PublicPartnership } from '@concord/domain';
import { Public } from '../auth/auth.decorators';
import { PUBLIC_RATE_LIMIT } from '../http/rate-limit';
import { ApiAnswers, ApiQueryFrom, Relays } from '../openapi/schemas';
import { AgreementsClient } from '../services/service-clients';
import { AuditCheckpointRepository } from '../audit/audit-checkpoint.repository';
import { AuditKeys } from '../audit/audit-keys';
import { z } from 'zod';
import { csvRow } from '../http/csv';

const PUBLIC_ACTOR = { userId: 'public', orgId: 'public', roles: [] };
export const PublicCheckpointQuery = z.object({
  service: z.enum(['registry', 'agreements', 'tasking', 'approvals']).optional(),
  /** Only checkpoints of a larger size (page on with the last size you got, per service). */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
});

const CSV_COLUMNS = [
  'number',
  'agency',
  'counterparty',
  'title',
  'term_start',
  'term_end',
  'budget_vnd',
  'disclosure_label',
  'status',
];

/**
 * The public transparency register: which partnerships the state pays for.
 * No authentication, rate-limited, and nothing beyond the register's fields.
 */
@ApiTags('public')
@Public()
@Controller('v1/public')
export class PublicController {
  constructor(
    @Inject(AgreementsClient) private readonly agreements: AgreementsClient,
    @Inject(AuditCheckpointRepository) private readonly checkpoints: AuditCheckpointRepository,
    @Inject(AuditKeys) private readonly keys: AuditKeys,
  ) {}

  @Get('audit/checkpoints')
  @RouteConfig({ rateLimit: PUBLIC_RATE_LIMIT })
  @ApiOperation({
    operationId: 'listAuditCheckpoints',
    summary:
      "Every service's signed audit checkpoints (service, size, head hash, time, Ed25519 signature), as the gateway keeps them: keep copies, and check an export against them (no sign-in)",
  })
  @ApiQueryFrom(PublicCheckpointQuery)
  @ApiAnswers(200, 'AuditCheckpoints', [429])
  async auditCheckpoints(@Query() raw: unknown) {
    return { checkpoints: await this.checkpoints.page(parseOrThrow(PublicCheckpointQuery, raw)) };
  }

  @Get('audit/keys')
  @RouteConfig({ rateLimit: PUBLIC_RATE_LIMIT })
  @ApiOperation({
    operationId: 'listAuditKeys',
    summary: "Each service's Ed25519 public key that signs its audit chain and checkpoints (no sign-in)",
  })
  @ApiAnswers(200, 'AuditPublicKeys', [429])
  auditKeys() {
    return this.keys.published();
  }

  @Get('partnerships')
  @RouteConfig({ rateLimit: PUBLIC_RATE_LIMIT })
  @ApiOperation({
    operationId: 'listPublicPartnerships',
    summary: 'Every signed partnership: agency, counterparty, title, term, budget, disclosure label (no sign-in)',
  })
  @ApiQueryFrom(PublicPartnershipQuery)
  @Relays(SUBJECTS.agreements.publicRegister, 200, [429])
  list(@Query() raw: unknown) {
    return this.agreements.request(
      SUBJECTS.agreements.publicRegister,
      { query: parseOrThrow(PublicPartnershipQuery, raw) },
      PUBLIC_ACTOR,
    );
  }

  @Get('partnerships.csv')
  @RouteConfig({ rateLimit: PUBLIC_RATE_LIMIT })
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="concord-partnerships.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ operationId: 'downloadPublicPartnerships', summary: 'The whole public register as CSV (UTF-8)' })
  async csv(): Promise<string> {
    const lines = [CSV_COLUMNS.join(',')];
    let cursor: string | undefined;
    do {
      const page: { items: PublicPartnership[]; nextCursor: string | null } = await this.agreements.request(
        SUBJECTS.agreements.publicRegister,
        { query: { limit: 200, cursor } },
        PUBLIC_ACTOR,
      );
      for (const p of page.items) {
        lines.push(
          csvRow([
            p.number,
            p.agency.name,
            p.counterparty.displayName,
            p.title,
            p.term.start,
            p.term.end,
            p.budget,
            p.disclosureLabel,
            p.status,
          ]),
        );
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return `${lines.join('\r\n')}\r\n`;
  }
}
