import { Link } from 'react-router-dom';
import type { ChecklistStep } from './checklist-steps';

/** The getting-started checklist; the first open step carries the primary button. */
export function GettingStarted({ steps }: { steps: ChecklistStep[] }) {
  const done = steps.filter((s) => s.done).length;
  const next = steps.find((s) => !s.done);
  return (
    <section className="card" aria-labelledby="getting-started-title">
      <div className="card-head">
        <h2 className="card-title" id="getting-started-title">
          Getting started
        </h2>
        <span className="text-muted" data-testid="checklist-progress">
          {done} of {steps.length} done
        </span>
      </div>
      <ol className="checklist">
        {steps.map((step) => (
          <li key={step.id} className={step.done ? 'checklist-step checklist-done' : 'checklist-step'} data-testid={`step-${step.id}`}>
            <span className="checklist-mark" aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            <div className="checklist-text">
              <strong>
                {step.title}
                {step.done && <span className="visually-hidden"> (done)</span>}
              </strong>
              <span className="text-muted">{step.hint}</span>
            </div>
            {!step.done && (
              <Link className={step === next ? 'btn btn-sm btn-primary' : 'btn btn-sm'} to={step.to}>
                {step.action}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
