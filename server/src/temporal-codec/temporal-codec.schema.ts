import { z } from 'zod';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** One payload as Temporal's codec server protocol carries it: metadata values and data in base64. */
export const CodecPayloadSchema = z.strictObject({
  metadata: z.record(z.string().min(1).max(200), Base64).optional(),
  data: Base64.optional(),
});
export type CodecPayload = z.infer<typeof CodecPayloadSchema>;

/** `POST /api/temporal-codec/decode` body and answer (the Temporal Web UI's remote codec). */
export const CodecPayloadsSchema = z.strictObject({ payloads: z.array(CodecPayloadSchema).max(1_000) });
export type CodecPayloads = z.infer<typeof CodecPayloadsSchema>;
