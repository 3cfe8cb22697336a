/**
 * The portal decides what a person may do with the same rules as the server (`@concord/permissions`, helpers in
 * `@concord/domain`), not by spelling role names: a copied role list has already drifted from the server once.
 * Reports a role name written as a string where a role is meant: `x.roles.includes('legal_officer')`, a comparison
 * with something named role(s), or an element of a list or set named for roles.
 */
import { ROLES } from '@concord/domain';

// The one list of roles (packages/domain/src/actor.ts), from its build: lint runs after `build`.
const ROLE_NAMES = new Set(ROLES);
const ROLE_NAMED = /roles?$/i;

function nameOf(node) {
  if (!node) return '';
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && node.property.type === 'Identifier') return node.property.name;
  return '';
}

/** The variable a list or `new Set([...])` literal is assigned to, if any. */
function assignedName(node) {
  let current = node.parent;
  if (current?.type === 'NewExpression') current = current.parent;
  while (current && (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression'))
    current = current.parent;
  return current?.type === 'VariableDeclarator'
    ? nameOf(current.id)
    : current?.type === 'PropertyDefinition'
      ? nameOf(current.key)
      : '';
}

function meansRole(literal) {
  const parent = literal.parent;
  if (parent.type === 'CallExpression' && parent.arguments.includes(literal)) {
    const callee = parent.callee;
    // roles.includes('x'), me.roles.includes('x'), hasRole(me, 'x')
    if (callee.type === 'MemberExpression' && ROLE_NAMED.test(nameOf(callee.object))) return true;
    if (/role/i.test(nameOf(callee))) return true;
  }
  if (parent.type === 'BinaryExpression' && /^[!=]==?$/.test(parent.operator)) {
    const other = parent.left === literal ? parent.right : parent.left;
    return ROLE_NAMED.test(nameOf(other));
  }
  if (parent.type === 'ArrayExpression') return ROLE_NAMED.test(assignedName(parent));
  return false;
}

export default {
  meta: {
    type: 'problem',
    docs: {
      description: 'No role names spelled out in the portal: ask @concord/permissions or a @concord/domain helper',
    },
    schema: [],
    messages: {
      literal:
        "Role '{{role}}' spelled out: ask what the person may do (abilityFor(me).can(…) from @concord/permissions) or use a @concord/domain helper.",
    },
  },
  create(context) {
    return {
      Literal(node) {
        if (typeof node.value === 'string' && ROLE_NAMES.has(node.value) && meansRole(node)) {
          context.report({ node, messageId: 'literal', data: { role: node.value } });
        }
      },
    };
  },
};
