import { describe, expect, it } from '@jest/globals';
import { applyChanges, storedAsSent, type ChangeAppliers } from './changes';

interface Changes {
  name?: string;
  tags?: string[] | null;
}

describe('applyChanges', () => {
  const appliers: ChangeAppliers<Changes, { name: string; tags: string[] }, string> = {
    name: (target, value, suffix) => {
      target.name = `${value}${suffix}`;
    },
    tags: async (target, value) => {
      target.tags = value ?? [];
    },
  };

  it('applies the fields given, through their appliers and with the context, and names them', async () => {
    const target = { name: 'a', tags: ['x'] };
    expect(await applyChanges(appliers, target, { tags: null, name: 'b' }, '!')).toEqual(['tags', 'name']);
    expect(target).toEqual({ name: 'b!', tags: [] });
  });

  it('leaves a field that is absent or undefined as it was', async () => {
    const target = { name: 'a', tags: ['x'] };
    expect(await applyChanges(appliers, target, { name: undefined }, '!')).toEqual([]);
    expect(target).toEqual({ name: 'a', tags: ['x'] });
  });

  it('names only the fields that changed the target: a value it already holds is no change', async () => {
    const target = { name: 'b!', tags: ['x'] };
    expect(await applyChanges(appliers, target, { name: 'b', tags: ['x', 'y'] }, '!')).toEqual(['tags']);
    expect(await applyChanges(appliers, target, { name: 'b', tags: ['x', 'y'] }, '!')).toEqual([]);
    expect(target).toEqual({ name: 'b!', tags: ['x', 'y'] });
  });
});

describe('storedAsSent', () => {
  it('sets each field it names to the value sent, and names only what changed', async () => {
    const appliers: ChangeAppliers<Changes, { name: string; tags: string[] | null }> = {
      ...storedAsSent<{ name: string; tags: string[] | null }>()('name', 'tags'),
    };
    const target = { name: 'a', tags: ['x'] as string[] | null };
    expect(await applyChanges(appliers, target, { name: 'a', tags: null }, undefined)).toEqual(['tags']);
    expect(target).toEqual({ name: 'a', tags: null });
  });
});
