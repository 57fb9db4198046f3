/**
 * Taint labels (docs/rules.md §10): a source may give its taint a label, and sources, sinks and
 * propagators may require labels with a Python-style boolean formula (`A and not (B or C)`).
 */
export const DEFAULT_LABEL = '__SOURCE__';

export type LabelFormula =
  | { kind: 'label'; name: string }
  | { kind: 'not'; operand: LabelFormula }
  | { kind: 'and' | 'or'; operands: LabelFormula[] };

export class LabelSyntaxError extends Error {
  override readonly name = 'LabelSyntaxError';
}

const TOKEN = /\s*(\(|\)|[A-Za-z_][A-Za-z0-9_]*)/y;

export function parseLabelFormula(text: string): LabelFormula {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(text);
    if (!match) throw new LabelSyntaxError(`"${text}" is not a label formula: unexpected "${text.slice(position).trim()[0]}"; write labels joined by and, or, not and parentheses`);
    tokens.push(match[1]!);
    position = TOKEN.lastIndex;
  }
  let index = 0;
  const peek = () => tokens[index];
  const expect = (what: string) => {
    if (tokens[index] !== what) throw new LabelSyntaxError(`"${text}" is not a label formula: expected "${what}"`);
    index++;
  };
  const primary = (): LabelFormula => {
    const token = tokens[index++];
    if (token === undefined) throw new LabelSyntaxError(`"${text}" is not a label formula: it ends too early`);
    if (token === '(') {
      const inner = disjunction();
      expect(')');
      return inner;
    }
    if (token === 'not') return { kind: 'not', operand: primary() };
    if (token === ')' || token === 'and' || token === 'or') throw new LabelSyntaxError(`"${text}" is not a label formula: unexpected "${token}"`);
    return { kind: 'label', name: token };
  };
  const conjunction = (): LabelFormula => {
    const operands = [primary()];
    while (peek() === 'and') {
      index++;
      operands.push(primary());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  };
  const disjunction = (): LabelFormula => {
    const operands = [conjunction()];
    while (peek() === 'or') {
      index++;
      operands.push(conjunction());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  };
  const formula = disjunction();
  if (index !== tokens.length) throw new LabelSyntaxError(`"${text}" is not a label formula: unexpected "${tokens[index]}"`);
  return formula;
}

export function labelsHold(formula: LabelFormula, labels: ReadonlySet<string>): boolean {
  switch (formula.kind) {
    case 'label':
      return labels.has(formula.name);
    case 'not':
      return !labelsHold(formula.operand, labels);
    case 'and':
      return formula.operands.every((operand) => labelsHold(operand, labels));
    case 'or':
      return formula.operands.some((operand) => labelsHold(operand, labels));
  }
}

/** The labels a formula names, for validation. */
export function labelsIn(formula: LabelFormula): string[] {
  switch (formula.kind) {
    case 'label':
      return [formula.name];
    case 'not':
      return labelsIn(formula.operand);
    default:
      return formula.operands.flatMap(labelsIn);
  }
}

/** The labels a formula asks for by name (not those it forbids). */
export function positiveLabels(formula: LabelFormula): string[] {
  switch (formula.kind) {
    case 'label':
      return [formula.name];
    case 'not':
      return [];
    default:
      return formula.operands.flatMap(positiveLabels);
  }
}
