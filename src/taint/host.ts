import type { FileFacts } from '../lang/file-facts.js';
import type { Binding } from '../match/state.js';
import type { FileSpecMatches } from './spec-matches.js';
import type { TaintSpec } from './spec.js';
import type { SinkSite, Site, Summary, SymbolicInputs } from './summary.js';
import type { Taint } from './taint.js';
import type { ClassRef, FunctionRef, Value } from './value.js';

/** A file the analysis reads: its facts and the rule's spec matches in it. */
export interface TaintFile {
  /** The file's absolute path (or, without a project, the path it was analysed under). */
  readonly path: string;
  readonly facts: FileFacts;
  readonly matches: FileSpecMatches;
}

/** A source's taint reached a sink: one finding per source and sink, the shortest path kept. */
export interface TaintFinding {
  sink: SinkSite;
  /** Where the finding is reported: the sink, or the outermost call of a project wrapper that leads to it. */
  reportAt: Site;
  taint: Taint;
  sourceBindings: Readonly<Record<string, Binding>>;
}

/** What a function's analysis asks of the rule's run over the project. */
export interface AnalysisHost {
  readonly spec: TaintSpec;
  /** The file with its spec matches, or undefined when it cannot be read or parsed. */
  taintFile(path: string): TaintFile | undefined;
  /** A project function's summary for these symbolic inputs; undefined when the call chain is too deep (the call is then opaque). */
  summaryOf(fn: FunctionRef, inputs: SymbolicInputs): Summary | undefined;
  /** The summary of a class's implicit constructor (field initialisers only). */
  initializerSummaryOf(cls: ClassRef, inputs: SymbolicInputs): Summary | undefined;
  /** Whether a function can make taint appear with nothing tainted passed in (see relevance.ts). */
  mayMakeTaint(fn: FunctionRef): boolean;
  /** Whether some method of the class can make taint appear. */
  classMayMakeTaint(cls: ClassRef): boolean;
  /** A top-level variable of a file, as the module's own code leaves it (and its functions write it). */
  moduleValue(file: string, name: string): Value | undefined;
  /** A function writes a top-level variable of its file. */
  noteModuleWrite(file: string, name: string, value: Value): void;
  /** What an import of this file binds `localName` to (another file's export), if it is a project file. */
  importedValue(file: string, localName: string): Value | undefined;
  /** A project file's export by name, for `ns.name` after `import * as ns`. */
  exportedValue(file: string, exportName: string): Value | undefined;
  /** The project file a module specifier of `file` resolves to. */
  resolveModule(file: string, specifier: string): string | undefined;
  /** What any method of the class stores in a field from a source (for every method that reads it). */
  classFieldValue(cls: ClassRef, field: string): Value;
  /** A method stored this value in a field of its class. */
  noteFieldWrite(cls: ClassRef, field: string, value: Value): void;
  /** The class a type annotation names, followed through imports. */
  classNamed(file: string, name: string): ClassRef | undefined;
  superclassOf(cls: ClassRef): ClassRef | undefined;
  report(finding: TaintFinding): void;
  /** Counts units of work; throws when the rule's budget for the file is spent. */
  spend(units: number): void;
}
