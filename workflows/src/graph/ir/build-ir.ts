import type { ApiData } from '../blocks/api.block';
import type { BeginData } from '../blocks/begin.block';
import type { GraphIndex } from '../compile/check-structure';
import type { CompileContext } from '../compile/compile-context.schema';
import { IrSchema } from './ir.schema';
import type { Ir } from './ir.schema';

/**
 * Builds the IR of a graph that passed every check: the nodes Begin reaches with their parsed
 * data and outcome targets, the population with its app's preset, and the destructive nodes.
 */
export function buildIr(index: GraphIndex, data: Map<string, unknown>, ctx: CompileContext): Ir {
  const entry = index.beginId as string;
  const begin = data.get(entry) as BeginData;
  const app = ctx.apps.find((a) => a.id === begin.population.appId);
  const order = index.order ?? [];
  const nodes = Object.fromEntries(
    order.map((id) => {
      const node = index.nodes.get(id);
      return [id, { type: node?.type, config: data.get(id), next: Object.fromEntries(index.next.get(id) ?? []) }];
    }),
  );
  const destructive = order.flatMap((id) => {
    if (index.nodes.get(id)?.type !== 'api') return [];
    const api = data.get(id) as ApiData;
    const action = ctx.catalog.presets.find((p) => p.id === api.presetId)?.actions.find((a) => a.id === api.actionId);
    return action?.destructive && api.cap ? [{ nodeId: id, presetId: api.presetId, actionId: api.actionId, cap: api.cap }] : [];
  });
  // Parsing proves the IR matches its schema before anything stores it.
  return IrSchema.parse({
    irVersion: 1,
    trigger: begin.trigger,
    population: { appId: begin.population.appId, presetId: app?.presetId, rule: begin.population.rule },
    entry,
    nodes,
    destructive,
  });
}
