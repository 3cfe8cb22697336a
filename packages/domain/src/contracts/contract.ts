import type { z } from 'zod';

/** What a request-reply subject takes and answers. */
export interface Contract<Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  request: Req;
  reply: Rep;
}

/** The subjects of one service, as `SUBJECTS.<service>` lists them. */
export type SubjectsOf<T extends Record<string, string>> = T[keyof T];
