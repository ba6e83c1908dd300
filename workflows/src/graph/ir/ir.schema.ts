import { z } from 'zod';
import { ApiDataSchema } from '../blocks/api.block';
import { BeginDataSchema } from '../blocks/begin.block';
import { CapSchema } from '../blocks/cap.schema';
import { EndDataSchema } from '../blocks/end.block';
import { RoleRetrievalDataSchema } from '../blocks/role-retrieval.block';
import { RuleDataSchema } from '../blocks/rule.block';
import { TriggerSchema } from '../blocks/trigger.schema';
import { RuleSchema } from '../rules/rule.schema';

/**
 * The compiled workflow a launch freezes into an immutable version and the interpreter walks.
 * Plain JSON (no Dates, no Maps), so it can be stored, sent to Temporal and deep-frozen as is.
 * Bump `irVersion` on any change an old interpreter could misread; the schema rejects others.
 */

const NodeId = z.string().min(1);
const next = <H extends string>(...handles: H[]) =>
  z.object(Object.fromEntries(handles.map((h) => [h, NodeId])) as Record<H, typeof NodeId>);

/** One node: its block type, its checked configuration and the node each outcome leads to. */
export const IrNodeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('begin'), config: BeginDataSchema, next: next('next') }),
  z.object({ type: z.literal('rule'), config: RuleDataSchema, next: next('true', 'false') }),
  z.object({ type: z.literal('roleRetrieval'), config: RoleRetrievalDataSchema, next: next('found', 'notFound', 'error') }),
  z.object({ type: z.literal('api'), config: ApiDataSchema, next: next('success', 'error') }),
  z.object({ type: z.literal('end'), config: EndDataSchema, next: next() }),
]);
export type IrNode = z.infer<typeof IrNodeSchema>;

/** A node that changes vendor accounts in a way the catalog marks destructive, with its cap. */
export const IrDestructiveSchema = z.object({ nodeId: NodeId, presetId: z.string(), actionId: z.string(), cap: CapSchema });

export const IrSchema = z.object({
  irVersion: z.literal(1),
  trigger: TriggerSchema,
  /** Whom a run walks; `presetId` resolved from the app when compiling. */
  population: z.object({ appId: z.string(), presetId: z.string(), rule: RuleSchema }),
  /** The Begin node's id; a record starts there with outcome `next`. */
  entry: NodeId,
  /** Every node Begin reaches, by id. */
  nodes: z.record(NodeId, IrNodeSchema),
  destructive: z.array(IrDestructiveSchema),
});
export type Ir = z.infer<typeof IrSchema>;
