import type { Constant } from './constants.js';
import type { Node } from './ast.js';
import type { FileFacts } from './file-facts.js';
import type { QualifiedName } from './names.js';

/**
 * What one file may ask about the others: the project layer answers, lazily and cached. A file
 * analysed without a project (a single file, a rule test) simply gets no cross-file answers.
 */
export interface CrossFileLookup {
  /** The project file an import specifier resolves to, or undefined (a package, or not found). */
  resolveModule(fromFile: string, specifier: string): string | undefined;
  /** The constant value a project file exports under a name (`default` for default exports). */
  exportedConstant(file: string, exportName: string): Constant | undefined;
  /** The library name a project file re-exports under a name: `crypto.createCipheriv` for a facade. */
  exportedName(file: string, exportName: string): QualifiedName | undefined;
  /** The names a project file exports (for a namespace import's possible members). */
  exportNames(file: string): string[];
  /** Where a project file's export is defined, followed through re-exports; undefined for packages. */
  exportBinding(file: string, exportName: string): ExportBinding | undefined;
}

/** What an export is, in the file that defines it: a top-level name, an expression, or a module namespace. */
export type ExportBinding =
  | { kind: 'local'; file: string; name: string }
  | { kind: 'value'; file: string; node: Node }
  | { kind: 'namespace'; file: string };

/** Type questions, answered by the project layer's type slice (ts-morph) when a rule asks them. */
export interface TypeLookup {
  /** Names of the type of the expression spanning [start, end) in the file; undefined when unknown. */
  typeNamesAt(file: string, range: readonly [number, number]): string[] | undefined;
}

/** The view of a project that per-file analysis uses (built by the project layer). */
export interface ProjectContext {
  lookup: CrossFileLookup;
  types?: TypeLookup;
  /** An absolute path as shown in findings: relative to the scan root, forward slashes. */
  displayPath(absolutePath: string): string;
  /** Offset → 1-based position in a file of the project, for traces that cross files. */
  positionIn(absolutePath: string, offset: number): { line: number; column: number } | undefined;
  /** Builds (or reuses) a file's facts so each file is parsed once for analysis and lookups alike. */
  factsFor?(absolutePath: string, text: string): FileFacts;
  /** Another project file's facts (parsed on demand), or undefined when it cannot be read or parsed. */
  factsOf?(absolutePath: string): FileFacts | undefined;
  /** A project file's text without parsing it, for cheap questions about many files. */
  sourceText?(absolutePath: string): string | undefined;
}
