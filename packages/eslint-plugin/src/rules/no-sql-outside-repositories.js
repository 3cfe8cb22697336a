/**
 * SQL belongs in repositories and migrations (immich's `server/src/repositories/`): a service, controller or handler
 * asks a repository. Reports `x.query('<SQL>')` and `x.createQueryBuilder(…)`; where the rule is on is the config's
 * business (eslint.config.mjs turns it off for repositories, migrations and the data-access packages).
 */
const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|TRUNCATE|GRANT|REVOKE|SET|LOCK|VACUUM|ANALYZE)\b/i;

function textOf(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('?');
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'SQL and query builders only in repositories and migrations' },
    schema: [],
    messages: {
      sql: "SQL outside a repository: move this query into the aggregate's repository (*.repository.ts) and call it from here.",
      builder: "Query builder outside a repository: move this query into the aggregate's repository (*.repository.ts).",
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (callee.property.name === 'createQueryBuilder') context.report({ node, messageId: 'builder' });
        else if (callee.property.name === 'query' && SQL.test(textOf(node.arguments[0]) ?? ''))
          context.report({ node, messageId: 'sql' });
      },
    };
  },
};
