// Each rule against code it must refuse and code it must leave alone, parsed as the project's TypeScript is.
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from './index.js';

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('no-sql-outside-repositories', plugin.rules['no-sql-outside-repositories'], {
  valid: [
    'await repository.findActive(orgId, id);',
    "await client.query({ text: 'not sql, an object' });",
    "await nats.request('registry.creators.get', data);",
    'const rows = await this.search.query(q);',
  ],
  invalid: [
    {
      code: "await this.dataSource.query('SELECT * FROM creators WHERE id = $1', [id]);",
      errors: [{ messageId: 'sql' }],
    },
    { code: 'await manager.query(`\n  UPDATE submissions SET status = $1`, [s]);', errors: [{ messageId: 'sql' }] },
    { code: 'await m.query(`WITH x AS (SELECT 1) SELECT * FROM x WHERE a = ${n}`);', errors: [{ messageId: 'sql' }] },
    {
      code: "const q = manager.createQueryBuilder(Campaign, 'c').where('c.id = :id', { id });",
      errors: [{ messageId: 'builder' }],
    },
  ],
});

tester.run('no-role-literals', plugin.rules['no-role-literals'], {
  valid: [
    "const visibility = 'creator';",
    "if (comment.visibility === 'creator') show();",
    "const labels = ['admin', 'reviewer'];",
    "const field = failure?.field === 'creator';",
    "if (ability.can('override', 'Submission')) show();",
  ],
  invalid: [
    {
      code: "const canOverride = me.roles.includes('legal_officer');",
      errors: [{ messageId: 'literal', data: { role: 'legal_officer' } }],
    },
    { code: "const REVIEWING_ROLES = new Set(['reviewer', 'legal_officer']);", errors: 2 },
    { code: "if (role === 'admin') show();", errors: 1 },
    { code: "hasRole(me, 'auditor');", errors: 1 },
  ],
});

tester.run('route-declares-access', plugin.rules['route-declares-access'], {
  valid: [
    "class C { @Get(':id') @Access('read', 'Creator') get() {} }",
    'class C { @ServiceDecides() @Post() submit() {} }',
    '@Public() class Health { @Get() health() {} }',
    'class C { helper() {} }',
  ],
  invalid: [
    { code: "class C { @Post(':id/sign') sign() {} }", errors: [{ messageId: 'undeclared', data: { name: 'sign' } }] },
    { code: "@ApiTags('x') class C { @Get() @HttpCode(200) list() {} @Public() @Get('open') open() {} }", errors: 1 },
  ],
});
