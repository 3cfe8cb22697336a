/**
 * Concord's own ESLint rules: the architecture the conventions describe, checked on every `npm run lint`
 * (twenty keeps its rules the same way, in packages/twenty-eslint-rules).
 */
import noRoleLiterals from './rules/no-role-literals.js';
import noSqlOutsideRepositories from './rules/no-sql-outside-repositories.js';
import routeDeclaresAccess from './rules/route-declares-access.js';

export default {
  meta: { name: '@concord/eslint-plugin' },
  rules: {
    'no-sql-outside-repositories': noSqlOutsideRepositories,
    'no-role-literals': noRoleLiterals,
    'route-declares-access': routeDeclaresAccess,
  },
};
