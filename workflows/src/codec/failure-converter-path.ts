import { join } from 'node:path';

/**
 * The compiled failure converter (failure-converter.ts). Temporal loads it by path with Node's
 * own require (clients, workers) and bundles it into the workflow sandbox, so it is always the
 * built file: from src/ (tests) and dist/ alike.
 */
export const FAILURE_CONVERTER_PATH = join(__dirname, '..', '..', 'dist', 'codec', 'failure-converter.js');
