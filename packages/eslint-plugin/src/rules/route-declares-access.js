/**
 * Every gateway route says who may call it, next to its path (twenty's rule: every REST method guarded): `@Access(action,
 * subject)` (the coarse check against @concord/permissions, made by the gateway's AccessGuard), `@ServiceDecides()` (any
 * signed-in person; the service checks the object and answers 404 for what the caller may not see), or `@Public()`.
 * On the method or on its class. The AccessGuard refuses a route that declares nothing, so this rule finds at build time
 * what would otherwise be a 403 at run time.
 */
const ROUTE = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All']);
const DECLARES = new Set(['Access', 'ServiceDecides', 'Public']);

function decoratorName(decorator) {
  const expression = decorator.expression;
  if (expression.type === 'CallExpression') {
    const callee = expression.callee;
    if (callee.type === 'Identifier') return callee.name;
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') return callee.object.name;
  }
  return expression.type === 'Identifier' ? expression.name : null;
}

const names = (node) => (node.decorators ?? []).map(decoratorName);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Every gateway route declares its access: @Access(…), @ServiceDecides() or @Public()' },
    schema: [],
    messages: {
      undeclared:
        "Route '{{name}}' does not say who may call it: add @Access(action, subject), @ServiceDecides() or @Public() (apps/gateway/src/auth/access.decorators.ts).",
    },
  },
  create(context) {
    return {
      MethodDefinition(node) {
        const own = names(node);
        if (!own.some((n) => ROUTE.has(n))) return;
        const classNames = node.parent?.parent ? names(node.parent.parent) : [];
        if ([...own, ...classNames].some((n) => DECLARES.has(n))) return;
        context.report({ node: node.key, messageId: 'undeclared', data: { name: node.key.name ?? '?' } });
      },
    };
  },
};
