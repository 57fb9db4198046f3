import { readFileSync } from 'node:fs';
import { classifyFiles, type ClassifiedInput, type ContextOverride, type FileContexts } from '../context/classify.js';
import type { ContextModel } from '../context/context-model.js';
import { ModuleGraph } from './module-graph.js';
import type { ModuleResolver } from './module-resolver.js';
import { PackageLocator } from './owning-package.js';

export interface ProjectFile {
  absolute: string;
  /** Relative to the scan root, forward slashes. */
  relative: string;
  /** In bytes, when known: larger files than the limit are classified by path and package only. */
  size?: number;
}

export interface ClassifyOptions {
  model: ContextModel;
  resolver: ModuleResolver;
  displayPath(absolute: string): string;
  maxFileSize: number;
  overrides?: readonly ContextOverride[];
}

/**
 * Classifies the files of a scan before any is analysed: reads each file's imports (lexically),
 * resolves them among the scanned files, finds each file's package, and runs the classifier.
 * All files are classified, also those another shard analyses, since a file's side depends on
 * what imports it.
 */
export function classifyProjectFiles(files: readonly ProjectFile[], options: ClassifyOptions): FileContexts {
  const graph = new ModuleGraph(files.map((file) => file.absolute), options.resolver);
  const packages = new PackageLocator([...options.model.packageFiles.keys()]);
  const inputs: ClassifiedInput[] = files.map((file) => ({ absolute: file.absolute, relative: file.relative, text: () => readText(file, options.maxFileSize) }));
  return classifyFiles(
    inputs,
    options.model,
    {
      displayPath: (absolute) => options.displayPath(absolute),
      resolveImport: (from, specifier) => graph.resolve(from, specifier),
      packageOf: (file) => packages.packageOf(file),
    },
    options.overrides,
  );
}

function readText(file: ProjectFile, limit: number): string | undefined {
  if (file.size !== undefined && file.size > limit) return undefined;
  try {
    const text = readFileSync(file.absolute, 'utf8');
    return text.length > limit ? undefined : text;
  } catch {
    return undefined;
  }
}
