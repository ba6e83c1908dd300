import { WORKFLOW_TEMPLATES, type WorkflowTemplate } from '@rolecall/workflows/graph';

type Props = { presetLabel: (presetId: string) => string; onUse: (template: WorkflowTemplate) => void };

/** The ready-made workflows, one card each; "Use template" asks only for a credential. */
export function TemplateCards({ presetLabel, onUse }: Props) {
  return (
    <section aria-labelledby="templates-title" className="stack">
      <h2 id="templates-title" className="card-title">
        Start from a template
      </h2>
      <ul className="template-cards">
        {WORKFLOW_TEMPLATES.map((t) => (
          <li key={t.id} className="card template-card" data-testid={`template-${t.id}`}>
            <h3 className="card-title">{t.name}</h3>
            <p className="text-muted">{t.description}</p>
            <p className="cell-sub">Preset: {presetLabel(t.presetId)}</p>
            <button type="button" className="btn" onClick={() => onUse(t)} aria-label={`Use template: ${t.name}`}>
              Use template
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
