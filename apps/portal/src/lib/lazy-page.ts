import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A route's page as its own chunk, loaded by the router before it shows the
 * page (the shell and the page that was open stay up meanwhile; the layout
 * says a page is loading): the first load carries only the shell (ADR 0010).
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): RouteObject['lazy'] {
  return async () => ({ Component: (await load()).default });
}
