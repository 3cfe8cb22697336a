import { describe, expect, it } from '@jest/globals';
import {
  addedReply,
  canReply,
  replyVisibility,
  threadComments,
  writesAsCreator,
  type ThreadedComment,
} from './comment-thread';

const c = (id: string, parentId: string | null = null, visibility: ThreadedComment['visibility'] = 'creator') => ({
  id,
  parentId,
  visibility,
});
const shape = (threads: ReturnType<typeof threadComments<ThreadedComment>>): unknown =>
  threads.map((t) => (t.replies.length ? { [t.comment.id]: shape(t.replies) } : t.comment.id));

describe('comment threads', () => {
  it('puts replies under their parent, nested, in the order they came', () => {
    const threads = threadComments([c('a'), c('b'), c('a1', 'a'), c('b1', 'b'), c('a2', 'a'), c('a1x', 'a1')]);
    expect(shape(threads)).toEqual([{ a: [{ a1: ['a1x'] }, 'a2'] }, { b: ['b1'] }]);
  });

  it('keeps a reply whose parent the reader cannot see at the top level', () => {
    expect(shape(threadComments([c('r', 'hidden'), c('x')]))).toEqual(['r', 'x']);
  });

  it('never loops on a parent that comes after its reply', () => {
    expect(shape(threadComments([c('a', 'b'), c('b', 'a')]))).toEqual([{ a: ['b'] }]);
  });
});

describe('who answers what', () => {
  it('lets a creator answer only comments addressed to them, staff any', () => {
    expect(canReply(c('a', null, 'internal'), true)).toBe(false);
    expect(canReply(c('a', null, 'creator'), true)).toBe(true);
    expect(canReply(c('a', null, 'internal'), false)).toBe(true);
  });

  it("keeps an internal note's answers internal, and a creator's answers addressed to the creator's side", () => {
    expect(replyVisibility(c('a', null, 'internal'), false)).toBe('internal');
    expect(replyVisibility(c('a', null, 'creator'), false)).toBe('creator');
    expect(replyVisibility(c('a', null, 'internal'), true)).toBe('creator');
  });

  it('tells a creator from agency staff as the API does', () => {
    expect(writesAsCreator({ agency: null, creator: { id: 'cr' }, roles: ['creator'] })).toBe(true);
    expect(writesAsCreator({ agency: { id: 'mcst' }, creator: null, roles: ['reviewer'] })).toBe(false);
  });

  it('finds the reply the API added under a parent', () => {
    expect(addedReply([c('a')], [c('a'), c('b'), c('r', 'a')], 'a')?.id).toBe('r');
    expect(addedReply([c('a'), c('r', 'a')], [c('a'), c('r', 'a')], 'a')).toBeUndefined();
  });
});
