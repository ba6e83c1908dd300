import { z } from 'zod';
import { ErrorCode } from '@rolecall/presets/catalog';

/** The body of every error response (media type application/problem+json). */
export const ProblemSchema = z.object({
  status: z.number().int(),
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  details: z.unknown().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
