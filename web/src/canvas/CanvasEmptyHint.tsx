export function CanvasEmptyHint() {
  return (
    <div className="canvas-empty-hint" data-testid="canvas-empty-hint">
      <p>
        This canvas is empty. Workflow blocks — Begin, Rule, SaaS User Role Retrieval, API, End — arrive with the
        workflow editor.
      </p>
    </div>
  );
}
