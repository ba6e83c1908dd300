import { z } from 'zod';
import { ApiDataSchema } from './blocks/api.block';
import { BeginDataSchema } from './blocks/begin.block';
import { EndDataSchema } from './blocks/end.block';
import { RoleRetrievalDataSchema } from './blocks/role-retrieval.block';
import { RuleDataSchema } from './blocks/rule.block';

/**
 * A workflow graph in React Flow's JSON shape (`{nodes, edges}` as `toObject()` gives them;
 * extra React Flow keys such as `width` or `selected` are accepted and dropped).
 *
 * Two levels: `GraphDraftSchema` is any graph the canvas can save — node types and data are not
 * checked yet, so a half-built draft round-trips; `GraphSchema` is a graph whose every node is a
 * known block with valid data. `compile()` takes a draft and reports everything wrong with it.
 */

export const PositionSchema = z.object({ x: z.number(), y: z.number() });

/**
 * An edge from one output handle to a node. `sourceHandle` may be omitted (React Flow sends
 * null) only for a block with a single output, which it then means.
 */
export const EdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  sourceHandle: z.string().nullish(),
  target: z.string().min(1),
});
export type Edge = z.infer<typeof EdgeSchema>;

/** A node as saved: the block type and its data are checked by `compile()`, not here. */
export const DraftNodeSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  position: PositionSchema,
  data: z.unknown(),
});
export type DraftNode = z.infer<typeof DraftNodeSchema>;

export const GraphDraftSchema = z.object({ nodes: z.array(DraftNodeSchema), edges: z.array(EdgeSchema) });
export type GraphDraft = z.infer<typeof GraphDraftSchema>;

const node = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ id: z.string().min(1), type: z.literal(type), position: PositionSchema, data });

/** A node of a known block type with data valid for it. */
export const NodeSchema = z.discriminatedUnion('type', [
  node('begin', BeginDataSchema),
  node('rule', RuleDataSchema),
  node('roleRetrieval', RoleRetrievalDataSchema),
  node('api', ApiDataSchema),
  node('end', EndDataSchema),
]);
export type Node = z.infer<typeof NodeSchema>;

export const GraphSchema = z.object({ nodes: z.array(NodeSchema), edges: z.array(EdgeSchema) });
export type Graph = z.infer<typeof GraphSchema>;
