import { parentPort, workerData } from 'node:worker_threads';
import { loadRulePack, type LoadOptions } from '../rules/pack.js';
import type { FileContext } from '../context/file-context.js';
import { analyzeFile, type AnalysisOptions, type FileInput } from './analyze-file.js';

/**
 * Runs one file's analysis on a thread with a much larger stack, for code nested so deeply
 * that the parser overflows the main thread's stack. The rules are compiled again here
 * because compiled rules cannot cross threads.
 */
interface DeepJob {
  input: FileInput;
  rules: LoadOptions;
  ruleIds: string[];
  options: Pick<AnalysisOptions, 'testSeverity' | 'matchBudget'>;
  /** The file's context, classified with the whole scan (the classifier cannot cross threads). */
  context: FileContext;
}

const job = workerData as DeepJob;
const wanted = new Set(job.ruleIds);
const rules = loadRulePack(job.rules).rules.filter((rule) => wanted.has(rule.id));
parentPort!.postMessage(analyzeFile(job.input, rules, { ...job.options, contextOf: () => job.context }));
