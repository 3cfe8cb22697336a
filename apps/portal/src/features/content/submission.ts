import type { Schemas } from '../../api/client';

/** A submission as the review screen reads it, and its parts. */
export type Submission = Schemas['SubmissionView'];
export type Version = Submission['versions'][number];
export type CheckName = Version['checks'][number]['check'];
export type Comment = Submission['comments'][number];

/** What a part of the review screen reports once it has written: the page says so and reads the submission again. */
export type OnDone = (message: string) => void;
