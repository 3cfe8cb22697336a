import { applyDecorators, Controller, Get, Headers, Inject, Param, Patch, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  DomainError,
  DuplicatesQuery,
  ListCreatorsQuery,
  parseOrThrow,
  PersonalDataQuery,
  SUBJECTS,
  type Actor,
  type Subject,
} from '@concord/domain';
import { CurrentActor, type AuthenticatedRequest } from '../auth/auth.decorators';
import { Access, ServiceDecides } from '../auth/access.decorators';
import { versionFromIfMatch } from '../http/if-match';
import { idOf, requestOptions } from '../http/request-context';
import { RelayedGet, RelayedPost, type RelayedRouteOptions } from '../http/relayed-route.decorators';
import { JsonBody, type BodyOf } from '../openapi/json-body.decorator';
import { ApiQueryFrom, IdempotencyHeader, Relays } from '../openapi/schemas';
import { RegistryClient } from '../services/service-clients';

const S = SUBJECTS.registry;

/** A record added to a creator (a channel, a vetting result, a training, an incident): 201, read with the creator. */
const AddsToCreator = (path: string, subject: Subject, options: RelayedRouteOptions) =>
  applyDecorators(
    Access('update', 'Creator'),
    RelayedPost(path, subject, { status: 201, createdAt: '/v1/creators/{id}', ...options }),
  );

@ApiTags('creators')
@ApiBearerAuth()
@Controller('v1/creators')
export class CreatorsController {
  constructor(@Inject(RegistryClient) private readonly registry: RegistryClient) {}

  @Access('create', 'Creator')
  @RelayedPost('', S.creatorCreate, {
    status: 201,
    createdAt: '/v1/creators/{id}',
    problems: [403, 409, 422],
    operationId: 'registerCreator',
    summary: 'Register a creator (individual or management company)',
  })
  register(
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @JsonBody('RegisterCreator') input: BodyOf<'RegisterCreator'>,
  ) {
    return this.registry.request(S.creatorCreate, { input }, actor, requestOptions(req));
  }

  @Access('read', 'Creator')
  @Get()
  @ApiOperation({ operationId: 'listCreators', summary: 'Search and filter creators (cursor pages)' })
  @ApiQueryFrom(ListCreatorsQuery)
  @Relays(S.creatorList, 200, [403])
  list(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    const query = parseOrThrow(ListCreatorsQuery, raw);
    return this.registry.request(S.creatorList, { query }, actor);
  }

  @Access('update', 'Creator')
  @Get('duplicates')
  @ApiOperation({
    operationId: 'listCreatorDuplicates',
    summary: 'Pairs of creators with near-equal names, for a registrar to review',
  })
  @ApiQueryFrom(DuplicatesQuery)
  @Relays(S.creatorDuplicates, 200, [403])
  duplicates(@CurrentActor() actor: Actor, @Query() raw: unknown) {
    const query = parseOrThrow(DuplicatesQuery, raw);
    return this.registry.request(S.creatorDuplicates, { query }, actor);
  }

  @Access('update', 'Creator')
  @RelayedPost('duplicates/dismissals', S.creatorDismissDuplicate, {
    status: 201,
    problems: [403],
    operationId: 'dismissCreatorDuplicate',
    summary: 'Record that two near-equal names are different creators; the pair leaves the duplicates list',
  })
  dismissDuplicate(
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @JsonBody('DismissDuplicate') input: BodyOf<'DismissDuplicate'>,
  ) {
    return this.registry.request(S.creatorDismissDuplicate, { input }, actor, requestOptions(req));
  }

  @Access('read', 'Creator')
  @RelayedGet(':id', S.creatorGet, {
    problems: [403],
    operationId: 'getCreator',
    summary: 'A creator, as your agency and role may see it; ETag carries its version',
  })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const creator = await this.registry.request(S.creatorGet, { id: idOf(id) }, actor);
    void reply.header('etag', `"v${creator.version}"`);
    return creator;
  }

  @Access('update', 'Creator')
  @Patch(':id')
  @ApiOperation({
    operationId: 'updateCreator',
    summary: 'Change a creator; send the version you expect (If-Match or expectedVersion)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read, e.g. "v3"' })
  @IdempotencyHeader
  @Relays(S.creatorUpdate, 200, [403, 412, 428])
  update(
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @JsonBody('UpdateCreator') input: BodyOf<'UpdateCreator'>,
  ) {
    const { expectedVersion: inBody, ...changes } = input;
    const expectedVersion = versionFromIfMatch(ifMatch) ?? inBody;
    if (expectedVersion === undefined) {
      throw new DomainError('version.required', 'Send the version you expect: If-Match: "v3" or expectedVersion', [
        { path: 'expectedVersion', code: 'required', message: 'The version of the creator you read' },
      ]);
    }
    return this.registry.request(
      S.creatorUpdate,
      { id: idOf(id), expectedVersion, changes },
      actor,
      requestOptions(req),
    );
  }

  @ServiceDecides()
  @RelayedPost(':id/status', S.creatorChangeStatus, {
    status: 200,
    problems: [403, 409],
    operationId: 'changeCreatorStatus',
    summary: 'Move a creator through prospect → vetted → active → suspended → offboarded, with a reason',
    description:
      'Registry officers move creators. `vetted` needs a passed or conditional latest vetting result (else 409 `creator.vetting_required`); ' +
      'without one, only the legal officer sets `vetted`, with `override: true` and the reason, which the status history and the audit trail keep and legal review shows.',
  })
  changeStatus(
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @JsonBody('ChangeCreatorStatus') input: BodyOf<'ChangeCreatorStatus'>,
  ) {
    return this.registry.request(S.creatorChangeStatus, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @AddsToCreator(':id/channels', S.creatorAddChannel, {
    problems: [403, 409],
    operationId: 'addCreatorChannel',
    summary: 'Add a channel; a channel registered already is 409',
  })
  addChannel(
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @JsonBody('AddChannel') input: BodyOf<'AddChannel'>,
  ) {
    return this.registry.request(S.creatorAddChannel, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @AddsToCreator(':id/vetting', S.creatorAddVetting, {
    problems: [403],
    operationId: 'addCreatorVetting',
    summary: 'Record a vetting result',
  })
  addVetting(
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @JsonBody('AddVetting') input: BodyOf<'AddVetting'>,
  ) {
    return this.registry.request(S.creatorAddVetting, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @AddsToCreator(':id/training', S.creatorAddTraining, {
    problems: [403],
    operationId: 'addCreatorTraining',
    summary: 'Record a training the creator completed',
  })
  addTraining(
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @JsonBody('AddTraining') input: BodyOf<'AddTraining'>,
  ) {
    return this.registry.request(S.creatorAddTraining, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @AddsToCreator(':id/incidents', S.creatorAddIncident, {
    problems: [403],
    operationId: 'addCreatorIncident',
    summary: 'Record a compliance incident',
  })
  addIncident(
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @JsonBody('AddIncident') input: BodyOf<'AddIncident'>,
  ) {
    return this.registry.request(S.creatorAddIncident, { id: idOf(id), input }, actor, requestOptions(req));
  }

  @ServiceDecides()
  @Get(':id/personal-data')
  @ApiOperation({
    operationId: 'readCreatorPersonalData',
    summary: 'Decrypted personal data; the read and its reason are audited',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQueryFrom(PersonalDataQuery)
  @Relays(S.creatorReadPersonalData, 200, [403])
  personalData(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() raw: unknown) {
    const { reason } = parseOrThrow(PersonalDataQuery, raw);
    return this.registry.request(S.creatorReadPersonalData, { id: idOf(id), reason }, actor);
  }
}
