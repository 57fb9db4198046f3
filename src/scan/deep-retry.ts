import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadOptions } from '../rules/pack.js';
import type { FileContext } from '../context/file-context.js';
import type { AnalysisOptions, FileAnalysis, FileInput } from './analyze-file.js';

const WORKER_URL = new URL('./deep-worker.js', import.meta.url);
const STACK_MB = 512;
const TIMEOUT_MS = 120_000;

/** Analyses one deeply nested file on a worker thread with a 512 MiB stack; undefined if even that fails. */
export async function analyzeWithLargeStack(
  input: FileInput,
  rules: LoadOptions,
  ruleIds: string[],
  options: Pick<AnalysisOptions, 'testSeverity' | 'matchBudget'>,
  context: FileContext,
): Promise<FileAnalysis | undefined> {
  if (!existsSync(fileURLToPath(WORKER_URL))) return undefined;
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_URL, { workerData: { input, rules, ruleIds, options, context }, resourceLimits: { stackSizeMb: STACK_MB } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(undefined);
    }, TIMEOUT_MS);
    worker.once('message', (result: FileAnalysis) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}
