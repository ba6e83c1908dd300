import { describe, expect, it } from 'vitest';
import { compile } from '../compile/compile';
import { ctx, LEVER_APP, LITMOS_APP } from '../graph.fixture';
import { WORKFLOW_TEMPLATES } from './workflow-templates';

const fixtureParams: Record<string, { credentialId: string; appId: string }> = {
  litmos: { credentialId: 'cred-litmos', appId: LITMOS_APP },
  lever: { credentialId: 'cred-lever', appId: LEVER_APP },
};

describe('WORKFLOW_TEMPLATES', () => {
  it.each(WORKFLOW_TEMPLATES.map((t) => [t.name, t] as const))('"%s" compiles with a credential and app of its preset', (_name, template) => {
    const result = compile(template.graph(fixtureParams[template.presetId]!), ctx);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('puts the chosen credential and app into the graph', () => {
    for (const template of WORKFLOW_TEMPLATES) {
      const graph = template.graph({ credentialId: 'cred-x', appId: 'app-x' });
      const begin = graph.nodes.find((n) => n.type === 'begin')!.data as { population: { appId: string } };
      expect(begin.population.appId).toBe('app-x');
      const effects = graph.nodes.filter((n) => n.type === 'api' || n.type === 'roleRetrieval');
      expect(effects.length).toBeGreaterThan(0);
      expect(effects.every((n) => (n.data as { credentialId: string }).credentialId === 'cred-x')).toBe(true);
    }
  });

  it('lays nodes out so none overlap', () => {
    for (const template of WORKFLOW_TEMPLATES) {
      const positions = template.graph(fixtureParams[template.presetId]!).nodes.map((n) => `${n.position.x},${n.position.y}`);
      expect(new Set(positions).size).toBe(positions.length);
    }
  });

  it('has unique ids and names', () => {
    expect(new Set(WORKFLOW_TEMPLATES.map((t) => t.id)).size).toBe(WORKFLOW_TEMPLATES.length);
    expect(new Set(WORKFLOW_TEMPLATES.map((t) => t.name)).size).toBe(WORKFLOW_TEMPLATES.length);
  });
});
