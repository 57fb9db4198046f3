import type { Node } from '../lang/ast.js';
import type { FlowStep } from '../match/evidence.js';
import type { Interpreter } from './interpreter.js';
import { DEFAULT_LABEL, labelsHold } from './labels.js';
import { appendSteps, extendTrace, inputOrigin, isSymbolic, traceSteps, TaintSet, type Taint } from './taint.js';
import { CLEAN, joinAll, pathOf, wholeTaint, withStep, withTaint, type Value } from './value.js';

/** What a call passes to its callee. */
export interface Actuals {
  args: readonly Value[];
  thisValue: Value;
}

/** One call of a summarised function: what it passes, and where (for the trace's "passed to" steps). */
export interface CallInstance {
  actuals: Actuals;
  node: Node;
  calleeName: string;
  argumentNodes: readonly Node[];
}

/** The callee's value in terms of this call's arguments: each input taint becomes what the caller passed at that path. */
export function instantiateValue(run: Interpreter, value: Value, call: CallInstance): Value {
  if (value.input && value.fields === undefined) {
    const own = inputOrigin(value.input.input, value.input.path).key;
    const actual = pathOf(actualInput(value.input.input, call.actuals, value.input.path), inputFields(value.input.path));
    const rest = value.taint.filter((taint) => taint.origin.key !== own);
    const passed = withStep(actual, passStep(run, value.input.input, call));
    return withTaint({ ...passed, ...(value.instanceOf && !passed.instanceOf ? { instanceOf: value.instanceOf } : {}) }, instantiateTaints(run, rest, call));
  }
  const taint = instantiateTaints(run, value.taint, call);
  const fields = value.fields ? new Map([...value.fields].map(([name, field]) => [name, instantiateValue(run, field, call)])) : undefined;
  return { ...value, taint, ...(fields ? { fields } : {}), ...(value.input ? { input: undefined } : {}) };
}

/** Input taints replaced by the taint the call passes; conditional sources decided where their inputs become known. */
export function instantiateTaints(run: Interpreter, taints: TaintSet, call: CallInstance): TaintSet {
  if (taints.isEmpty()) return taints;
  return taints.map((taint): Taint | Taint[] | undefined => {
    if (taint.origin.kind === 'source') {
      if (!taint.condition) return taint;
      const inputs = taint.condition.inputs.flatMap((input) => instantiateTaints(run, TaintSet.of(input), call).toArray());
      const pending = inputs.filter(isSymbolic);
      const labels = new Set(inputs.filter((input) => !isSymbolic(input)).map((input) => input.label));
      if (labelsHold(taint.condition.requires, labels)) return { origin: taint.origin, label: taint.label, trace: taint.trace };
      return pending.length > 0 ? { ...taint, condition: { requires: taint.condition.requires, inputs: pending } } : undefined;
    }
    const origin = taint.origin;
    const actual = wholeTaint(pathOf(actualInput(origin.input, call.actuals, origin.path), inputFields(origin.path)));
    // Most calls pass clean values: then there is no trace to build.
    if (actual.isEmpty()) return undefined;
    const inner = traceSteps(taint.trace);
    const pass = passStep(run, origin.input, call);
    return actual
      .toArray()
      .map((passed) => ({
        ...passed,
        label: taint.label === DEFAULT_LABEL ? passed.label : taint.label,
        trace: appendSteps(extendTrace(passed.trace, pass), inner),
      }));
  });
}

function actualInput(input: number | 'this', actuals: Actuals, path: readonly string[]): Value {
  if (input === 'this') return actuals.thisValue;
  if (path[0] === '…rest') return joinAll(actuals.args.slice(input));
  return actuals.args[input] ?? CLEAN;
}

function inputFields(path: readonly string[]): string[] {
  return path[0] === '…rest' ? [] : [...path];
}

function passStep(run: Interpreter, input: number | 'this', call: CallInstance): FlowStep {
  const argument = typeof input === 'number' ? call.argumentNodes[input] : undefined;
  return run.step('call', argument ?? call.node, input === 'this' ? `the receiver of ${call.calleeName}` : `passed to ${call.calleeName}`);
}
