import {
  type CanActivate,
  Controller,
  Get,
  HttpCode,
  Inject,
  Injectable,
  NotFoundException,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  CREATORS_ORG,
  DomainError,
  findAgency,
  isCreatorActor,
  normalizeHandle,
  SUBJECTS,
  type Actor,
  type CreatorByHandleReply,
  type FieldCode,
} from '@concord/domain';
import { JsonBody, type BodyOf } from '../openapi/json-body.decorator';
import { ApiAnswers, type MeView } from '../openapi/schemas';
import { RouteConfig } from '@nestjs/platform-fastify';
import { AUTH_RATE_LIMIT } from '../http/rate-limit';
import { RegistryClient } from '../services/service-clients';
import { CurrentActor, Public } from './auth.decorators';
import { DEV_USERS } from './dev-users';
import { GATEWAY_ACTOR } from './gateway-actor';
import { TokenVerifier, type DevTokenSubject } from './token-verifier';
import { ServiceDecides } from '../auth/access.decorators';

/** `creator@<handle>` signs in as the creator owning a channel with that handle. */
const CREATOR_PREFIX = 'creator@';

/** Without CONCORD_DEV_AUTH=1 the dev-token route is a 404, whatever the body: answered before the body is parsed. */
@Injectable()
class DevTokensEnabled implements CanActivate {
  constructor(@Inject(TokenVerifier) private readonly verifier: TokenVerifier) {}

  canActivate(): boolean {
    if (!this.verifier.devTokensEnabled) throw new NotFoundException();
    return true;
  }
}

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(RegistryClient) private readonly registry: RegistryClient,
  ) {}

  @Public()
  @RouteConfig({ rateLimit: AUTH_RATE_LIMIT })
  @Post('auth/dev-token')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'issueDevToken',
    summary:
      'Development only (CONCORD_DEV_AUTH=1): a token for a seeded user, or creator@<handle> for a registered creator',
  })
  @UseGuards(DevTokensEnabled)
  @ApiAnswers(200, 'DevToken')
  async devToken(@JsonBody('DevTokenRequest') { username }: BodyOf<'DevTokenRequest'>) {
    const user = username.startsWith(CREATOR_PREFIX)
      ? await this.creatorUser(username.slice(CREATOR_PREFIX.length))
      : DEV_USERS.find((u) => u.username === username);
    if (!user) {
      throw new DomainError('validation.failed', `No seeded user ${username}`, [
        {
          path: 'username',
          code: 'unknown_user',
          message: `One of: ${DEV_USERS.map((u) => u.username).join(', ')}; or creator@<handle> for any registered creator (a handle of one of their channels)`,
        },
      ]);
    }
    return { token: await this.verifier.issueDevToken(user) };
  }

  @Public()
  @Get('auth/dev-users')
  @ApiOperation({ operationId: 'listDevUsers', summary: 'Development only (CONCORD_DEV_AUTH=1): the seeded users' })
  @ApiAnswers(200, 'DevUsers')
  devUsers() {
    if (!this.verifier.devTokensEnabled) throw new NotFoundException();
    return DEV_USERS;
  }

  @ServiceDecides()
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'getMe',
    summary: 'The caller: user, agency (none for a creator), creator record and roles',
  })
  @ApiAnswers(200, 'Me')
  async me(@CurrentActor() actor: Actor): Promise<MeView> {
    if (isCreatorActor(actor)) {
      // A creator may not read the registry; the gateway asks for their name.
      const { items } = await this.registry.request(
        SUBJECTS.registry.creatorSelect,
        { creatorIds: [actor.creatorId] },
        GATEWAY_ACTOR,
      );
      const creator = items[0];
      if (!creator)
        throw new DomainError(
          'auth.forbidden',
          `The creator ${actor.creatorId} this token names is not in the registry`,
        );
      return {
        user: { id: actor.userId, name: creator.displayName },
        agency: null,
        creator: { id: creator.creatorId, displayName: creator.displayName },
        roles: actor.roles,
      };
    }
    const agency = findAgency(actor.orgId)!;
    const seeded = DEV_USERS.find((u) => u.username === actor.userId);
    return {
      user: { id: actor.userId, ...(seeded ? { name: seeded.name } : {}) },
      agency: { id: agency.id, name: agency.name, nameVi: agency.nameVi, kind: agency.kind },
      roles: actor.roles,
    };
  }

  /** The creator owning a channel with this handle, as a dev-token subject; an unknown or ambiguous handle is a 400 on `username`. */
  private async creatorUser(rawHandle: string): Promise<DevTokenSubject> {
    const handle = normalizeHandle(rawHandle);
    const refuse = (code: FieldCode, message: string) =>
      new DomainError('validation.failed', `No creator signs in as ${CREATOR_PREFIX}${handle}`, [
        { path: 'username', code, message },
      ]);
    if (!handle) throw refuse('unknown_creator', "Give the handle of one of the creator's channels: creator@<handle>");
    let found: z.infer<typeof CreatorByHandleReply>;
    try {
      found = await this.registry.request(SUBJECTS.registry.creatorByHandle, { handle }, GATEWAY_ACTOR);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'not_found')
        throw refuse(
          'unknown_creator',
          `No registered creator has a channel @${handle}; creator@<handle> works for any registered creator`,
        );
      if (error.code === 'validation.failed')
        throw refuse(error.errors[0]?.code ?? 'invalid_handle', error.errors[0]?.message ?? error.detail);
      throw error;
    }
    return {
      username: `${CREATOR_PREFIX}${handle}`,
      name: found.displayName,
      orgId: CREATORS_ORG,
      roles: ['creator'],
      creatorId: found.creatorId,
    };
  }
}
