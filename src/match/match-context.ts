import { isValuePosition, parentOf, unwrap, type Node } from '../lang/ast.js';
import { ConstantArray, ConstantObject, type ConstantValue } from '../lang/constants.js';
import type { FileFacts } from '../lang/file-facts.js';
import type { Value } from './comparison.js';
import { dedupe, type Formula, type RangeMatch } from './formula.js';
import { Matcher } from './matcher.js';
import { RangeIndex } from './range-index.js';
import { StepMeter } from './step-meter.js';
import type { Binding } from './state.js';
import type { ProjectContext } from '../lang/cross-file.js';
import { memoized } from '../util/memo.js';

/** What one scan shares between its files' analyses. */
export interface ScanScope {
  project?: ProjectContext;
  /** What an engine keeps for the whole scan (a taint rule's summaries), by the engine. */
  readonly state: Map<object, unknown>;
  warn(warning: { file?: string; message: string; kind: string }): void;
  /** Set with `scan --debug-taint`: engines explain each file here (what matched, what each function does). */
  debug?: (text: string) => void;
}

/**
 * Everything formulas need while they are evaluated over one file: its facts, the pattern
 * matcher, and each formula's matches, computed once and shared by every rule that uses it.
 */
export class MatchContext {
  readonly matcher: Matcher;
  /** The matcher steps of the rule being run (its budget is set per rule and file). */
  readonly meter: StepMeter;
  private readonly results: Map<Formula, RangeMatch[]>;
  private readonly shared: Map<string, RangeMatch[]>;
  private readonly indexes: Map<RangeMatch[], RangeIndex>;

  constructor(
    readonly facts: FileFacts,
    /** The scan this file belongs to, for engines that follow values across files. */
    readonly scan?: ScanScope,
  ) {
    // A file's matches do not depend on who asks: the file's own analysis and each taint rule that
    // follows a value into it share one matcher, one meter and one table of results.
    // Matches can follow names into other project files, so a context without the project keeps its own.
    const byProject = memoized(perFile, facts, () => new WeakMap<object, PerFile>());
    const kept = memoized(byProject, scan?.project ?? WITHOUT_PROJECT, (): PerFile => {
      const meter = new StepMeter();
      return { meter, matcher: new Matcher(facts, meter), results: new Map<Formula, RangeMatch[]>(), shared: new Map<string, RangeMatch[]>(), indexes: new Map<RangeMatch[], RangeIndex>() };
    });
    this.meter = kept.meter;
    this.matcher = kept.matcher;
    this.results = kept.results;
    this.shared = kept.shared;
    this.indexes = kept.indexes;
  }

  /** A formula's matches in this file: none when its prefilter rules the file out. */
  evaluate(formula: Formula): RangeMatch[] {
    const cached = this.results.get(formula);
    if (cached) return cached;
    const sharedKey = formula.shareKey;
    let result = sharedKey === undefined ? undefined : this.shared.get(sharedKey);
    if (!result) {
      this.meter.spend();
      result = formula.prefilter(this.facts.words) ? dedupe(formula.compute(this)) : [];
      if (sharedKey !== undefined) this.shared.set(sharedKey, result);
    }
    this.results.set(formula, result);
    return result;
  }

  /** A formula's matches in this file, indexed by range (built once per file and result); each look-up spends a step per match it returns. */
  indexed(formula: Formula): RangeIndex {
    const matches = this.evaluate(formula);
    let index = this.indexes.get(matches);
    if (!index) {
      index = new RangeIndex(matches, (found) => this.meter.spend(found + 1));
      this.indexes.set(matches, index);
    }
    return index;
  }

  /** A binding's full constant value (objects and arrays included). */
  constantValueOf(binding: Binding): ConstantValue | undefined {
    if (binding.value !== undefined) return binding.value;
    return binding.nodes.length === 1 ? this.facts.constants.valueOf(unwrap(binding.nodes[0]!))?.value : undefined;
  }

  /** A binding's value as comparisons and regexes see it: a string, number, boolean or null. */
  primitiveOf(binding: Binding): Value | undefined {
    const value = this.constantValueOf(binding);
    if (value === undefined || value instanceof ConstantObject || value instanceof ConstantArray) return undefined;
    return typeof value === 'bigint' ? Number(value) : value;
  }

  /**
   * How a bound value reads in a message: its constant value when known, else its code. A name
   * being declared or assigned (`$NAME = "…"`, `{ $NAME: … }`) reads as the name.
   */
  displayText(binding: Binding): string {
    const only = binding.nodes.length === 1 ? binding.nodes[0]! : undefined;
    if (only && binding.value === undefined && isNameBeingDefined(only)) return binding.text;
    const value = this.primitiveOf(binding);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : binding.text;
  }
}

interface PerFile {
  meter: StepMeter;
  matcher: Matcher;
  results: Map<Formula, RangeMatch[]>;
  shared: Map<string, RangeMatch[]>;
  indexes: Map<RangeMatch[], RangeIndex>;
}

const perFile = new WeakMap<FileFacts, WeakMap<object, PerFile>>();
const WITHOUT_PROJECT = {};

function isNameBeingDefined(node: Node): boolean {
  const parent = parentOf(node);
  return !isValuePosition(node) || (parent?.type === 'AssignmentExpression' && parent.left === node);
}
