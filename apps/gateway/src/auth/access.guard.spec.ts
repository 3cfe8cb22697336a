import { describe, expect, it } from '@jest/globals';
import { Controller, Get, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Actor } from '@concord/domain';
import { Access, ServiceDecides } from './access.decorators';
import { AccessGuard } from './access.guard';
import { Public } from './auth.decorators';

// Routes as the gateway declares them: the guard reads the same metadata Nest hands it for a real request.
@Controller('examples')
class ExamplesController {
  @Access('create', 'Creator')
  @Get('register')
  register() {}

  @ServiceDecides()
  @Get('any')
  any() {}

  @Public()
  @Get('open')
  open() {}

  @Get('undeclared')
  undeclared() {}
}

@Public()
@Controller('health')
class OpenController {
  @Get()
  health() {}
}

const registrar: Actor = { userId: 'registrar@mcst', orgId: 'mcst-ttcs', roles: ['registry_officer'] };
const reviewer: Actor = { userId: 'reviewer@mcst', orgId: 'mcst-ttcs', roles: ['reviewer'] };
const guard = new AccessGuard(new Reflector());

function call(controller: Type, handler: string, actor?: Actor): boolean {
  const request = { actor, headers: {} };
  const target = (controller.prototype as Record<string, () => void>)[handler];
  return guard.canActivate(new ExecutionContextHost([request, {}, () => undefined], controller, target));
}

function refusal(run: () => boolean): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('the AccessGuard: what each route declares', () => {
  it('lets a role through that may do the declared action, and refuses one that may not, naming what', () => {
    expect(call(ExamplesController, 'register', registrar)).toBe(true);
    expect(refusal(() => call(ExamplesController, 'register', reviewer))).toMatchObject({
      code: 'auth.forbidden',
      message: 'Your role may not create creators',
    });
  });

  it('leaves @ServiceDecides routes to the service for anyone signed in, and @Public routes (method or class) open', () => {
    expect(call(ExamplesController, 'any', reviewer)).toBe(true);
    expect(call(ExamplesController, 'open')).toBe(true);
    expect(call(OpenController, 'health')).toBe(true);
  });

  it('refuses a route that declares nothing, whoever calls', () => {
    expect(refusal(() => call(ExamplesController, 'undeclared', registrar))).toMatchObject({ code: 'auth.forbidden' });
  });
});
