import type { WorkflowView } from '@rolecall/server/api';
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { queries } from '../api/queries';
import { CanvasEditor } from '../canvas/CanvasEditor';
import { Checklist } from '../canvas/Checklist';
import { EditorToolbar } from '../canvas/EditorToolbar';
import { Palette } from '../canvas/Palette';
import { PropertiesPanel } from '../canvas/PropertiesPanel';
import { createCanvasStore, type CanvasStore } from '../canvas/store/canvas-store';
import { CanvasStoreProvider } from '../canvas/store/canvas-store-context';
import { useAutosave } from '../canvas/use-autosave';
import { useCompileContext } from '../canvas/use-compile-context';
import { useLiveCompile } from '../canvas/use-live-compile';
import { WorkflowName } from '../canvas/WorkflowName';
import { QueryError } from '../components/QueryError';
import { useUnsavedChangesPrompt } from '../hooks/use-unsaved-changes-prompt';
import { WORKFLOWS_PATH } from '../workflows/workflow-paths';

/** `/workflows/:workflowId`: the canvas editor of one workflow's draft. */
export function WorkflowEditorPage() {
  const { workflowId = '' } = useParams();
  const workflow = useQuery(queries.workflow(workflowId));
  if (!workflow.data) {
    return (
      <div className="page">
        <QueryError query={workflow} what="the workflow" />
        {!workflow.error && <p>Loading the workflow…</p>}
      </div>
    );
  }
  // Keyed by id: another workflow gets a fresh store, undo history and autosave.
  return <LoadedEditor key={workflow.data.id} workflow={workflow.data} />;
}

function LoadedEditor({ workflow }: { workflow: WorkflowView }) {
  const [store] = useState<CanvasStore>(() => createCanvasStore({ graph: workflow.graph }));
  const compileContext = useCompileContext();
  const { state: save, saveNow } = useAutosave(store, workflow.id, workflow.graph);
  const { prompt, allowLeave } = useUnsavedChangesPrompt(save.status !== 'saved');
  const [canvas, setCanvas] = useState<HTMLElement | null>(null);
  useLiveCompile(store, compileContext.context);
  useEffect(() => {
    document.title = `${workflow.name} · Workflows · Rolecall`;
  }, [workflow.name]);

  return (
    <CanvasStoreProvider store={store}>
      <ReactFlowProvider>
        <div className="page page-fill editor-page">
          <EditorToolbar
            workflow={workflow}
            save={save}
            saveNow={saveNow}
            onLeave={allowLeave}
            title={
              <>
                <Link className="page-header-back" to={WORKFLOWS_PATH}>
                  ← Workflows
                </Link>
                <WorkflowName workflow={workflow} />
              </>
            }
          />
          <QueryError query={compileContext} what="the credentials and apps the checks need" />
          <div className="editor-body">
            <Palette canvas={canvas} />
            <div className="editor-canvas" ref={setCanvas}>
              <CanvasEditor />
            </div>
            <div className="editor-side">
              <PropertiesPanel />
              <Checklist />
            </div>
          </div>
          {prompt}
        </div>
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}
