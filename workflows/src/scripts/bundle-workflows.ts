// Writes dist/workflow-bundle.js so workers start without bundling at runtime.
import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FAILURE_CONVERTER_PATH } from '../codec/failure-converter-path';
import { WORKFLOW_BUNDLE_PATH } from '../worker';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(__dirname, '..', 'workflows'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
  });
  await writeFile(WORKFLOW_BUNDLE_PATH, code);
  console.log(`workflow bundle written to ${WORKFLOW_BUNDLE_PATH}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
