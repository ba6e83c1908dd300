import { z } from 'zod';
import { IrSchema } from '../ir/ir.schema';
import { CompileErrorSchema } from './compile-error.schema';

/** What `compile()` returns: the IR, or every error found (never just the first). */
export const CompileResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), ir: IrSchema }),
  z.object({ ok: z.literal(false), errors: z.array(CompileErrorSchema).min(1) }),
]);
export type CompileResult = z.infer<typeof CompileResultSchema>;
