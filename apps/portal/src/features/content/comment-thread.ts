/**
 * A submission's comments as threads: the API sends them flat, oldest first,
 * each reply naming its parent (`parentId`). Pure functions: no React.
 */
import { CREATOR_ROLE } from '@concord/domain';

export type CommentVisibility = 'creator' | 'internal';

export interface ThreadedComment {
  id: string;
  parentId: string | null;
  visibility: CommentVisibility;
}

export interface Thread<T> {
  comment: T;
  /** The answers to this comment, in the order they were written. */
  replies: Thread<T>[];
}

/**
 * The comments as threads, in the order given (the API's: oldest first).
 * A reply goes under its parent when the parent came before it; a reply whose
 * parent the reader cannot see (a creator does not get internal notes) stays
 * at the top level rather than disappearing.
 */
export function threadComments<T extends ThreadedComment>(comments: readonly T[]): Thread<T>[] {
  const seen = new Map<string, Thread<T>>();
  const roots: Thread<T>[] = [];
  for (const comment of comments) {
    const thread: Thread<T> = { comment, replies: [] };
    const parent = comment.parentId ? seen.get(comment.parentId) : undefined;
    if (parent) parent.replies.push(thread);
    else roots.push(thread);
    if (!seen.has(comment.id)) seen.set(comment.id, thread);
  }
  return roots;
}

/** Whether the signed-in person writes as a creator (the API's rule: a creator's account, not agency staff). */
export function writesAsCreator(me: { agency: unknown; creator?: unknown; roles: readonly string[] }): boolean {
  return me.agency == null && me.creator != null && me.roles.includes(CREATOR_ROLE);
}

/**
 * Whether the reader may answer this comment: creators only see, and answer,
 * comments addressed to them; agency staff answer any comment they see.
 */
export function canReply(comment: ThreadedComment, asCreator: boolean): boolean {
  return !asCreator || comment.visibility === 'creator';
}

/** Who sees a reply: the same people as its parent (an internal note's answers stay internal; a creator's are never internal). */
export function replyVisibility(parent: ThreadedComment, asCreator: boolean): CommentVisibility {
  return asCreator ? 'creator' : parent.visibility;
}

/** The reply the API added under `parentId`: in the answer, and not among the comments shown before. */
export function addedReply<T extends ThreadedComment>(
  before: readonly T[],
  after: readonly T[],
  parentId: string,
): T | undefined {
  const known = new Set(before.map((c) => c.id));
  return after.filter((c) => c.parentId === parentId && !known.has(c.id)).at(-1);
}
