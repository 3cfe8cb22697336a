import { describe, expect, it } from '@jest/globals';
import { ENV_NAME_PATTERN, EVENTS, SUBJECTS, durableName, eventStreamName, namespaceSubject } from './subjects';

describe('namespaceSubject', () => {
  it.each([
    ['dev', 'concord.registry.creator.create', 'concord.dev.registry.creator.create'],
    ['prod', SUBJECTS.registry.auditVerify, 'concord.prod.registry.audit.verify'],
    ['ci-42', EVENTS.registry.creatorRegistered, 'concord.ci-42.events.registry.creator.registered'],
  ])('puts env %j after concord. in %s', (env, subject, expected) => {
    expect(namespaceSubject(env, subject)).toBe(expected);
  });

  it('keeps two environments apart', () => {
    const s = SUBJECTS.registry.creatorCreate;
    expect(namespaceSubject('dev', s)).not.toBe(namespaceSubject('test', s));
  });

  it.each(['registry.creator.create', 'concordx.registry', 'other.concord.registry', ''])(
    'rejects non-Concord subject %j',
    (subject) => {
      expect(() => namespaceSubject('dev', subject)).toThrow('is not a Concord subject');
    },
  );
});

describe('SUBJECTS and EVENTS', () => {
  it('are all Concord subjects, unique', () => {
    const all = [...Object.values(SUBJECTS.registry), ...Object.values(EVENTS.registry)];
    for (const s of all) expect(s.startsWith('concord.')).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('eventStreamName', () => {
  it.each([
    ['dev', 'CONCORD_EVENTS_DEV'],
    ['prod', 'CONCORD_EVENTS_PROD'],
    ['ci_42', 'CONCORD_EVENTS_CI_42'],
  ])('%j → %s', (env, expected) => {
    expect(eventStreamName(env)).toBe(expected);
  });

  it('refuses a name that two environments could share', () => {
    expect(() => eventStreamName('ci-42')).toThrow(/Bad environment name/);
  });

  it('differs per environment', () => {
    expect(eventStreamName('dev')).not.toBe(eventStreamName('test'));
  });
});

describe('durableName', () => {
  it.each([
    ['dev', 'registry', 'projector', 'dev_registry_projector'],
    ['ci_42', 'gateway', 'events', 'ci_42_gateway_events'],
    ['dev', 'registry', 'creator.status changed', 'dev_registry_creator_status_changed'],
  ])('(%j, %j, %j) → %s', (env, service, purpose, expected) => {
    expect(durableName(env, service, purpose)).toBe(expected);
  });
});

describe('ENV_NAME_PATTERN', () => {
  it.each([
    ['dev', true],
    ['ci_42', true],
    ['a_b', true],
    ['ci-42', false],
    ['Dev', false],
    ['-dev', false],
    ['dev.x', false],
    ['', false],
    ['a'.repeat(33), false],
  ])('%j → %s', (env, ok) => {
    expect(ENV_NAME_PATTERN.test(env)).toBe(ok);
  });
});
