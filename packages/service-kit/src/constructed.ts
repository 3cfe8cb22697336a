import type { InjectionToken, Provider } from '@nestjs/common';

/** For each constructor parameter, the provider token that gives it (the class itself, or a symbol). */
type TokensFor<Params extends unknown[]> = { [I in keyof Params]: InjectionToken<Params[I]> };

/**
 * The module provider of `Class`, built with `new Class(...)` from the providers `inject` names, in its constructor's
 * order: for classes that take only what the module provides (no configuration), instead of a hand-written factory.
 */
export function constructed<Params extends unknown[], T>(
  Class: new (...params: Params) => T,
  ...inject: TokensFor<Params>
): Provider<T> {
  return { provide: Class, useFactory: (...params: Params) => new Class(...params), inject };
}
