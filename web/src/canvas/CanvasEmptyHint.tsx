export function CanvasEmptyHint() {
  return (
    <div className="canvas-empty-hint" data-testid="canvas-empty-hint">
      <p>
        This canvas is empty. Drag a block from the palette, or use its Add button: every workflow starts at a Begin and
        finishes at an End.
      </p>
    </div>
  );
}
