import type { WorkflowView } from '@rolecall/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useReactFlow } from '@xyflow/react';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/api-client';
import {
  compileErrorsOf,
  launchWorkflow,
  pauseWorkflow,
  resumeWorkflow,
  startWorkflowRun,
  validateWorkflow,
} from '../api/workflows.api';
import { Notice } from '../components/Notice';
import { StatusPill } from '../components/StatusPill';
import { countOf } from '../lib/format';
import { workflowStatus } from '../workflows/workflow-list-columns';
import { workflowRunPath } from '../workflows/workflow-paths';
import { autoLayout } from './auto-layout';
import { useCanvasHistory, useCanvasStoreApi } from './store/canvas-store-context';
import type { SaveState } from './use-autosave';

type Props = { workflow: WorkflowView; save: SaveState; saveNow: () => Promise<void>; onLeave: () => void; title: ReactNode };

const SAVE_LABEL: Record<SaveState['status'], string> = { saved: 'All changes saved', unsaved: 'Unsaved changes', saving: 'Saving…', failed: 'Not saved' };

/**
 * The editor's actions. Validate, Launch and Dry run save first, so the server checks what is on
 * screen; Dry run tries the draft, Run now the launched version (so it needs a launch).
 */
export function EditorToolbar({ workflow, save, saveNow, onLeave, title }: Props) {
  const store = useCanvasStoreApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { fitView } = useReactFlow();
  const canUndo = useCanvasHistory((h) => h.pastStates.length > 0);
  const canRedo = useCanvasHistory((h) => h.futureStates.length > 0);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['workflows'] });

  /** A server 422 puts its compile errors on the blocks, like the live check. */
  const failed = (what: string) => (err: unknown) => {
    const errors = compileErrorsOf(err);
    if (errors.length > 0) {
      store.getState().setErrors(errors);
      setOutcome({ tone: 'error', text: `${what}: ${countOf(errors.length, 'problem')} to fix, shown on the blocks and in the checklist.` });
    } else setOutcome({ tone: 'error', text: `${what}: ${errorMessage(err)}` });
  };

  const validate = useMutation({
    mutationFn: async () => (await saveNow(), validateWorkflow(workflow.id)),
    onSuccess: () => setOutcome({ tone: 'success', text: 'The server checked the saved draft: it is ready to launch.' }),
    onError: failed('Validation failed'),
  });
  const launch = useMutation({
    mutationFn: async () => (await saveNow(), launchWorkflow(workflow.id)),
    onSuccess: (version) => {
      setOutcome({ tone: 'success', text: `Launched v${version.number}. Its trigger now runs this version.` });
      void refresh();
    },
    onError: failed('Launch failed'),
  });
  const opened = (started: { id: string }) => {
    onLeave();
    void refresh();
    void navigate(workflowRunPath(workflow.id, started.id));
  };
  const run = useMutation({
    mutationFn: () => startWorkflowRun(workflow.id, 'live'),
    onSuccess: opened,
    onError: (err) => setOutcome({ tone: 'error', text: `The run did not start: ${errorMessage(err)}` }),
  });
  // A dry run tries what is on screen, launched or not: nothing happens at the vendor either way.
  const dryRun = useMutation({
    mutationFn: async () => (await saveNow(), startWorkflowRun(workflow.id, 'dryRun', 'draft')),
    onSuccess: opened,
    onError: failed('Dry run not started'),
  });
  const pause = useMutation({
    mutationFn: () => (workflow.status === 'paused' ? resumeWorkflow(workflow.id) : pauseWorkflow(workflow.id)),
    onSuccess: (view) => {
      setOutcome({ tone: 'info', text: view.status === 'paused' ? 'Paused: its schedule and events start no runs.' : 'Resumed: its trigger starts runs again.' });
      void refresh();
    },
    onError: (err) => setOutcome({ tone: 'error', text: errorMessage(err) }),
  });

  const layout = () => {
    const { nodes, edges, setPositions } = store.getState();
    setPositions(autoLayout(nodes, edges));
    window.requestAnimationFrame(() => void fitView({ duration: 300, maxZoom: 1 }));
  };

  const status = workflowStatus(workflow);
  const launched = workflow.latestVersion !== null;
  const busy = validate.isPending || launch.isPending || run.isPending || dryRun.isPending || pause.isPending;
  const history = store.temporal.getState();

  return (
    <div className="editor-toolbar-wrap">
      <div className="editor-toolbar">
        {title}
        <StatusPill tone={status.tone} testId="version-badge">
          {status.label}
        </StatusPill>
        <span className={`save-state save-${save.status}`} role="status" data-testid="save-state">
          {SAVE_LABEL[save.status]}
        </span>
        <span className="toolbar-spacer" />
        <div className="editor-actions" role="toolbar" aria-label="Workflow actions">
          <button type="button" className="btn btn-sm" onClick={() => history.undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" className="btn btn-sm" onClick={() => history.redo()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
          <button type="button" className="btn btn-sm" onClick={layout}>
            Auto-layout
          </button>
          <button type="button" className="btn btn-sm" onClick={() => void saveNow().catch(() => undefined)} disabled={save.status === 'saving'}>
            Save draft
          </button>
          <button type="button" className="btn btn-sm" onClick={() => validate.mutate()} disabled={busy}>
            {validate.isPending ? 'Validating…' : 'Validate'}
          </button>
          <button type="button" className="btn btn-sm btn-primary" onClick={() => launch.mutate()} disabled={busy}>
            {launch.isPending ? 'Launching…' : launched ? 'Launch again' : 'Launch'}
          </button>
          <button type="button" className="btn btn-sm" onClick={() => dryRun.mutate()} disabled={busy} title="Runs the draft on screen and lists who would be affected; changes nothing at the vendor">
            {dryRun.isPending ? 'Starting…' : 'Dry run'}
          </button>
          <button type="button" className="btn btn-sm" onClick={() => run.mutate()} disabled={busy || !launched} title={launched ? 'Runs the launched version now' : 'Launch first'}>
            Run now
          </button>
          {launched && (
            <button type="button" className="btn btn-sm" onClick={() => pause.mutate()} disabled={busy}>
              {workflow.status === 'paused' ? 'Resume' : 'Pause'}
            </button>
          )}
        </div>
      </div>
      {save.status === 'failed' && <Notice tone="error">The draft could not be saved: {save.message}</Notice>}
      {outcome && (
        <Notice tone={outcome.tone} onDismiss={() => setOutcome(null)}>
          {outcome.text}
        </Notice>
      )}
    </div>
  );
}
