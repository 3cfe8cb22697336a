import { Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import {
  BudgetQuery,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPES,
  DocumentUpload,
  DomainError,
  INT4_MAX,
  QueryInt,
  ListAgreementsQuery,
  parseOrThrow,
  SUBJECTS,
  type Actor,
} from '@concord/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { Access, ServiceDecides } from '../auth/access.decorators';
import { versionFromIfMatch } from '../http/if-match';
import { type WriteRequest, idOf, requestOptions } from '../http/request-context';
import { RelayedGet, RelayedPost } from '../http/relayed-route.decorators';
import { JsonBody, type BodyOf } from '../openapi/json-body.decorator';
import { ApiQueryFrom, IdempotencyHeader, Relays } from '../openapi/schemas';
import { AgreementsClient } from '../services/service-clients';
import { CreatedAt } from '../http/location';

const S = SUBJECTS.agreements;

function versionOf(version: string): number {
  return parseOrThrow(z.object({ version: QueryInt(2) }), { version }).version;
}

/** Agreements between an agency and a creator or management company. The agreements service checks every permission. */
@ApiTags('agreements')
@ApiBearerAuth()
@Controller('v1/agreements')
export class AgreementsController {
  constructor(@Inject(AgreementsClient) private readonly agreements: AgreementsClient) {}

  @Access('create', 'Agreement')
  @RelayedPost('', S.create, {
    status: 201,
    createdAt: '/v1/agreements/{id}',
    problems: [403, 503],
    operationId: 'draftAgreement',
    summary: 'Draft an agreement with a registered creator or management company',
  })
  create(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @JsonBody('CreateAgreement') input: BodyOf<'CreateAgreement'>,
  ) {
    return this.agreements.request(S.create, { input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @Get()
  @ApiOperation({
    operationId: 'listAgreements',
    summary:
      "Your agency's agreements (search by number, title or counterparty name; filters: status, counterparty, expiring within N days)",
  })
  @ApiQueryFrom(ListAgreementsQuery)
  @Relays(S.list, 200)
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    const query = parseOrThrow(ListAgreementsQuery, raw);
    return this.agreements.request(S.list, { query }, actor);
  }

  @ServiceDecides()
  @Get('budget')
  @ApiOperation({
    operationId: 'getAgreementBudget',
    summary: 'Committed, paid and remaining budget of a year, by agency and by counterparty',
    description:
      'Agreements signed with a term starting in the year. Committed is what was paid plus, for agreements still in force (signed, active, suspended), the rest of their budget; an expired or terminated agreement commits only what it paid.',
  })
  @ApiQueryFrom(BudgetQuery)
  @Relays(S.budget, 200)
  budget(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    return this.agreements.request(S.budget, { query: parseOrThrow(BudgetQuery, raw) }, actor);
  }

  @ServiceDecides()
  @RelayedGet(':id', S.get, {
    operationId: 'getAgreement',
    summary: 'An agreement with its signatures, legal reviews and status history; ETag carries its version',
  })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const agreement = await this.agreements.request(S.get, { id: idOf(id) }, actor);
    void reply.header('etag', `"v${agreement.version}"`);
    return agreement;
  }

  @Access('update', 'Agreement')
  @Patch(':id')
  @ApiOperation({
    operationId: 'updateAgreementDraft',
    summary: 'Change a draft; send the version you expect (If-Match or expectedVersion)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you read, e.g. "v3"' })
  @IdempotencyHeader
  @Relays(S.update, 200, [403, 409, 412, 428])
  update(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @JsonBody('UpdateAgreement') input: BodyOf<'UpdateAgreement'>,
  ) {
    const { expectedVersion: inBody, ...changes } = input;
    const expectedVersion = versionFromIfMatch(ifMatch) ?? inBody;
    if (expectedVersion === undefined) {
      throw new DomainError('version.required', 'Send the version you expect: If-Match: "v3" or expectedVersion', [
        { path: 'expectedVersion', code: 'required', message: 'The version of the agreement you read' },
      ]);
    }
    return this.agreements.request(S.update, { id: idOf(id), expectedVersion, changes }, actor, requestOptions(req));
  }

  @Access('submit', 'Agreement')
  @RelayedPost(':id/submit-for-review', S.submitForReview, {
    status: 200,
    problems: [403, 409],
    operationId: 'submitAgreementForReview',
    summary: 'Send a draft to legal review',
  })
  submit(@CurrentActor() actor: Actor, @Req() req: WriteRequest, @Param('id') id: string) {
    return this.agreements.request(S.submitForReview, { id: idOf(id) }, actor, requestOptions(req));
  }

  @Access('legal_decision', 'Agreement')
  @RelayedPost(':id/legal-decision', S.legalDecision, {
    status: 200,
    problems: [403, 409, 422, 503],
    operationId: 'decideAgreementLegalReview',
    summary: 'Legal officers approve or send back, with comments; approval needs a vetted or active counterparty',
  })
  legalDecision(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('LegalDecision') input: BodyOf<'LegalDecision'>,
  ) {
    return this.agreements.request(S.legalDecision, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('sign', 'Agreement')
  @RelayedPost(':id/signatures', S.sign, {
    status: 200,
    problems: [403, 409],
    operationId: 'signAgreement',
    summary: "Record one party's signature; with both, the agreement is signed (active if its term has begun)",
  })
  sign(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Signature') input: BodyOf<'Signature'>,
  ) {
    return this.agreements.request(S.sign, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('manage_milestones', 'Agreement')
  @RelayedPost(':id/milestones', S.addMilestone, {
    status: 201,
    createdAt: '/v1/agreements/{id}',
    problems: [403, 409, 422],
    operationId: 'addAgreementMilestone',
    summary: 'Finance officers plan a payment milestone; milestones never sum above the budget',
  })
  addMilestone(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Milestone') input: BodyOf<'Milestone'>,
  ) {
    return this.agreements.request(S.addMilestone, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('manage_milestones', 'Agreement')
  @Patch(':id/milestones/:milestoneId')
  @ApiOperation({
    operationId: 'updateAgreementMilestone',
    summary: 'Change a milestone that is not paid, or mark it due',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'milestoneId', format: 'uuid' })
  @IdempotencyHeader
  @Relays(S.updateMilestone, 200, [403, 409, 422])
  updateMilestone(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @Param('milestoneId') milestoneId: string,
    @JsonBody('UpdateMilestone') input: BodyOf<'UpdateMilestone'>,
  ) {
    return this.agreements.request(
      S.updateMilestone,
      { id: idOf(id), milestoneId: idOf(milestoneId), input },
      actor,
      requestOptions(req),
    );
  }

  @Access('manage_milestones', 'Agreement')
  @RelayedPost(':id/milestones/:milestoneId/payment', S.payMilestone, {
    status: 200,
    problems: [403, 409],
    operationId: 'payAgreementMilestone',
    summary: 'Record the payment of a milestone (who, when, payment reference); it cannot change afterwards',
  })
  payMilestone(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @Param('milestoneId') milestoneId: string,
    @JsonBody('Payment') input: BodyOf<'Payment'>,
  ) {
    return this.agreements.request(
      S.payMilestone,
      { id: idOf(id), milestoneId: idOf(milestoneId), input },
      actor,
      requestOptions(req),
    );
  }

  @Access('update', 'Agreement')
  @RelayedPost(':id/amendments', S.amend, {
    status: 201,
    createdAt: '/v1/agreements/{id}',
    problems: [403, 409, 422],
    operationId: 'amendAgreement',
    summary: 'Propose new terms for a signed agreement: a new version, reviewed and signed again',
  })
  amend(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Amendment') input: BodyOf<'Amendment'>,
  ) {
    return this.agreements.request(S.amend, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('legal_decision', 'Agreement')
  @Post(':id/amendments/:version/legal-decision')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'decideAmendment',
    summary: 'Legal officers approve or return an amendment, with comments',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 2, maximum: INT4_MAX } })
  @IdempotencyHeader
  @Relays(S.amendmentDecision, 200, [403, 409, 422, 503])
  amendmentDecision(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @Param('version') version: string,
    @JsonBody('LegalDecision') input: BodyOf<'LegalDecision'>,
  ) {
    return this.agreements.request(
      S.amendmentDecision,
      { id: idOf(id), version: versionOf(version), input },
      actor,
      requestOptions(req),
    );
  }

  @Access('sign', 'Agreement')
  @Post(':id/amendments/:version/signatures')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'signAmendment',
    summary: "Record one party's signature of an approved amendment; with both, its terms take effect",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 2, maximum: INT4_MAX } })
  @IdempotencyHeader
  @Relays(S.amendmentSign, 200, [403, 409])
  amendmentSign(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @Param('version') version: string,
    @JsonBody('Signature') input: BodyOf<'Signature'>,
  ) {
    return this.agreements.request(
      S.amendmentSign,
      { id: idOf(id), version: versionOf(version), input },
      actor,
      requestOptions(req),
    );
  }

  @Access('update', 'Agreement')
  @Post(':id/documents')
  @HttpCode(201)
  @CreatedAt('/v1/agreements/{id}')
  @ApiOperation({
    operationId: 'uploadAgreementDocument',
    summary: `Attach a document: the file as the body, its type as Content-Type (PDF, PNG, JPEG, DOCX), at most ${DOCUMENT_MAX_BYTES} bytes`,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'name', required: true, schema: { type: 'string', maxLength: 200 } })
  @ApiConsumes(...Object.keys(DOCUMENT_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @IdempotencyHeader
  @Relays(S.addDocument, 201, [403, 413, 415])
  addDocument(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @Query('name') name: string,
    @Headers('content-type') type: string | undefined,
  ) {
    const mimeType = (type ?? '').split(';')[0].trim().toLowerCase();
    if (!(mimeType in DOCUMENT_TYPES)) {
      throw new DomainError(
        'document.unsupported_type',
        `Documents are ${Object.keys(DOCUMENT_TYPES).join(', ')}; this one is ${mimeType || 'untyped'}`,
        [],
        {
          allowed: Object.keys(DOCUMENT_TYPES),
        },
      );
    }
    if (!Buffer.isBuffer(req.body)) {
      throw new DomainError('validation.failed', 'Send the file itself as the request body', [
        { path: '(body)', code: 'not_a_file', message: 'The body is the file' },
      ]);
    }
    const input = parseOrThrow(DocumentUpload, { name, mimeType, contentBase64: req.body.toString('base64') });
    return this.agreements.request(S.addDocument, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @Get(':id/documents/:documentId')
  @ApiOperation({
    operationId: 'downloadAgreementDocument',
    summary: 'A document, as the file it is (ETag: its sha256)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'documentId', format: 'uuid' })
  @ApiProduces(...Object.keys(DOCUMENT_TYPES))
  async document(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ) {
    const doc = await this.agreements.request(S.getDocument, { id: idOf(id), documentId: idOf(documentId) }, actor);
    await reply
      .header('content-type', doc.mimeType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
      .header('etag', `"${doc.sha256}"`)
      .send(Buffer.from(doc.contentBase64, 'base64'));
  }

  @Access('suspend', 'Agreement')
  @RelayedPost(':id/suspend', S.suspend, {
    status: 200,
    problems: [403, 409],
    operationId: 'suspendAgreement',
    summary: 'Suspend an active agreement, with a reason',
  })
  suspend(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Reason') input: BodyOf<'Reason'>,
  ) {
    return this.agreements.request(S.suspend, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('resume', 'Agreement')
  @RelayedPost(':id/resume', S.resume, {
    status: 200,
    problems: [403, 409],
    operationId: 'resumeAgreement',
    summary: 'Resume a suspended agreement, with a reason',
  })
  resume(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Reason') input: BodyOf<'Reason'>,
  ) {
    return this.agreements.request(S.resume, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @Access('terminate', 'Agreement')
  @RelayedPost(':id/terminate', S.terminate, {
    status: 200,
    problems: [403, 409],
    operationId: 'terminateAgreement',
    summary: 'End an agreement before its term, with a reason',
  })
  terminate(
    @CurrentActor() actor: Actor,
    @Req() req: WriteRequest,
    @Param('id') id: string,
    @JsonBody('Reason') input: BodyOf<'Reason'>,
  ) {
    return this.agreements.request(S.terminate, { id: idOf(id), input }, actor, requestOptions(req));
  }
}
