import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DomainError, findAgency, parseOrThrow, type Actor } from '@concord/domain';
import { ApiAnswers, ApiJsonBody } from '../openapi/schemas';
import { RouteConfig } from '@nestjs/platform-fastify';
import { AUTH_RATE_LIMIT } from '../http/rate-limit';
import { CurrentActor, Public } from './auth.decorators';
import { DEV_USERS } from './dev-users';
import { TokenVerifier } from './token-verifier';

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(@Inject(TokenVerifier) private readonly verifier: TokenVerifier) {}

  @Public()
  @RouteConfig({ rateLimit: AUTH_RATE_LIMIT })
  @Post('auth/dev-token')
  @HttpCode(200)
  @ApiOperation({ operationId: 'issueDevToken', summary: 'Development only (CONCORD_DEV_AUTH=1): a token for a seeded user' })
  @ApiJsonBody('DevTokenRequest')
  @ApiAnswers(200, 'DevToken')
  async devToken(@Body() raw: unknown) {
    if (!this.verifier.devTokensEnabled) throw new NotFoundException();
    const { username } = parseOrThrow(z.object({ username: z.string().min(1) }), raw);
    const user = DEV_USERS.find((u) => u.username === username);
    if (!user) {
      throw new DomainError('validation.failed', `No seeded user ${username}`, [
        { path: 'username', code: 'unknown_user', message: `One of: ${DEV_USERS.map((u) => u.username).join(', ')}` },
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

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'getMe', summary: 'The caller: user, agency and roles' })
  @ApiAnswers(200, 'Me')
  me(@CurrentActor() actor: Actor) {
    const agency = findAgency(actor.orgId)!;
    const seeded = DEV_USERS.find((u) => u.username === actor.userId);
    return {
      user: { id: actor.userId, ...(seeded ? { name: seeded.name } : {}) },
      agency: { id: agency.id, name: agency.name, nameVi: agency.nameVi, kind: agency.kind },
      roles: actor.roles,
    };
  }
}
