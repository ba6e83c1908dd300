import { z } from 'zod';

/**
 * Why a graph does not compile. Each code has a test that triggers it (compile.test.ts);
 * docs/blocks.md explains them to admins.
 */
export const CompileErrorCode = {
  /** The document is not a graph at all (no node list, a node without id…). */
  InvalidGraph: 'INVALID_GRAPH',
  /** Two nodes or two edges share an id. */
  DuplicateId: 'DUPLICATE_ID',
  NoBegin: 'NO_BEGIN',
  MultipleBegin: 'MULTIPLE_BEGIN',
  NoEnd: 'NO_END',
  UnknownNodeType: 'UNKNOWN_NODE_TYPE',
  /** An edge leaves a handle its block does not have. */
  UnknownHandle: 'UNKNOWN_HANDLE',
  /** An edge names a node that is not in the graph. */
  DanglingEdge: 'DANGLING_EDGE',
  /** Two edges leave the same handle of the same node. */
  DuplicateEdge: 'DUPLICATE_EDGE',
  EdgeIntoBegin: 'EDGE_INTO_BEGIN',
  EdgeFromEnd: 'EDGE_FROM_END',
  /** Some, not all, output handles of a node are connected. */
  UnconnectedHandle: 'UNCONNECTED_HANDLE',
  /** A node other than End has no outgoing edge at all, so paths stop there. */
  PathNotEnding: 'PATH_NOT_ENDING',
  Cycle: 'CYCLE',
  /** No path from Begin reaches the node. */
  UnreachableNode: 'UNREACHABLE_NODE',
  /** The node's configuration does not fit its block (missing or malformed settings). */
  InvalidData: 'INVALID_DATA',
  UnknownPreset: 'UNKNOWN_PRESET',
  UnknownAction: 'UNKNOWN_ACTION',
  /** The action exists but does something else than the block needs. */
  ActionKindMismatch: 'ACTION_KIND_MISMATCH',
  UnknownCredential: 'UNKNOWN_CREDENTIAL',
  CredentialPresetMismatch: 'CREDENTIAL_PRESET_MISMATCH',
  CredentialAuthUnsupported: 'CREDENTIAL_AUTH_UNSUPPORTED',
  UnknownApp: 'UNKNOWN_APP',
  /** A block acts on another vendor than the Begin population's app. */
  PresetMismatch: 'PRESET_MISMATCH',
  UnknownField: 'UNKNOWN_FIELD',
  OperatorTypeMismatch: 'OPERATOR_TYPE_MISMATCH',
  /** The clause value does not fit the operator and field (a word where days are needed…). */
  InvalidValue: 'INVALID_VALUE',
  /** A `retrieval.*` field is used where not every path has passed a Role Retrieval. */
  RetrievalNotUpstream: 'RETRIEVAL_NOT_UPSTREAM',
  /** A destructive block has no blast-radius cap. */
  MissingCap: 'MISSING_CAP',
} as const;
export type CompileErrorCode = (typeof CompileErrorCode)[keyof typeof CompileErrorCode];

const CODES = Object.values(CompileErrorCode) as [CompileErrorCode, ...CompileErrorCode[]];

/** One problem, pinned to the node or edge the canvas should highlight; `message` is for an admin. */
export const CompileErrorSchema = z.object({
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  code: z.enum(CODES),
  message: z.string().min(1),
});
export type CompileError = z.infer<typeof CompileErrorSchema>;
