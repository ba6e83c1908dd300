import type { GraphDraft } from '../graph.schema';

/** What a template needs from the admin: the credential its blocks call with and the inventory app it walks. */
export interface WorkflowTemplateParams {
  credentialId: string;
  appId: string;
}

/** A ready-made workflow for one preset; `graph` is a laid-out draft that compiles once its ids are real. */
export interface WorkflowTemplate {
  id: string;
  name: string;
  description: string;
  presetId: string;
  graph(params: WorkflowTemplateParams): GraphDraft;
}

/** Nodes of a template stack top to bottom in one column (room for a run's counts on each block); branches step sideways by this much. */
export const TEMPLATE_ROW = 200;
export const TEMPLATE_COLUMN = 260;
