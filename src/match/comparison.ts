import { compileRegex, type SafeRegex } from './safe-regex.js';

/** `re.match` patterns are few and evaluated often: compile each once. */
const regexCache = new Map<string, SafeRegex>();

/**
 * The expression language of `metavariable-comparison`: Python-like comparisons, arithmetic,
 * `and`/`or`/`not`, `in`, and the functions `int()`, `str()`, `float()`, `len()`, `re.match()`,
 * `lower()`, `upper()`, `today()` and `strptime()`.
 * Parsed once when a rule is compiled and evaluated without `eval`.
 */
export type Value = number | string | boolean | null | Value[];

type Expr =
  | { kind: 'literal'; value: Value }
  | { kind: 'metavariable'; name: string }
  | { kind: 'list'; items: Expr[] }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'unary'; operator: 'not' | '-'; operand: Expr }
  | { kind: 'binary'; operator: string; left: Expr; right: Expr }
  | { kind: 'compare'; operands: Expr[]; operators: string[] };

export class ComparisonSyntaxError extends Error {
  override readonly name = 'ComparisonSyntaxError';
}

/** Supplies a metavariable's value; undefined when it is not known, which makes the comparison false. */
export type MetavariableLookup = (name: string, conversion: 'value' | 'text') => Value | undefined;

export interface Comparison {
  source: string;
  metavariables: string[];
  evaluate(lookup: MetavariableLookup): boolean;
}

const FUNCTIONS = new Set(['int', 'str', 'float', 'len', 're.match', 'today', 'strptime', 'lower', 'upper']);

export function compileComparison(source: string): Comparison {
  const expr = new Parser(tokenize(source), source).parseAll();
  const metavariables = new Set<string>();
  collectMetavariables(expr, metavariables);
  return {
    source,
    metavariables: [...metavariables],
    evaluate(lookup) {
      try {
        return truthy(evaluate(expr, lookup));
      } catch (error) {
        if (error instanceof Unknown) return false;
        throw error;
      }
    },
  };
}

class Unknown extends Error {}

interface Token {
  kind: 'number' | 'string' | 'name' | 'metavariable' | 'operator' | 'end';
  text: string;
  value?: Value;
  at: number;
}

const OPERATORS = ['**', '//', '<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/', '%', '(', ')', '[', ']', ','];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const number = /^(0x[0-9a-fA-F]+|\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== ch) {
        if (source[j] === '\\' && j + 1 < source.length) j++;
        text += source[j];
        j++;
      }
      if (j >= source.length) throw new ComparisonSyntaxError(`unterminated string at column ${i + 1} of "${source}"`);
      tokens.push({ kind: 'string', text: source.slice(i, j + 1), value: text, at: i });
      i = j + 1;
      continue;
    }
    const metavariable = /^\$[A-Z_][A-Z0-9_]*/.exec(rest);
    if (metavariable) {
      tokens.push({ kind: 'metavariable', text: metavariable[0], at: i });
      i += metavariable[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!operator) throw new ComparisonSyntaxError(`unexpected "${ch}" at column ${i + 1} of "${source}"`);
    tokens.push({ kind: 'operator', text: operator, at: i });
    i += operator.length;
  }
  tokens.push({ kind: 'end', text: '', at: source.length });
  return tokens;
}

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parseAll(): Expr {
    const expr = this.or();
    if (this.peek().kind !== 'end') this.fail(`unexpected "${this.peek().text}"`);
    return expr;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isName('or')) {
      this.index++;
      left = { kind: 'binary', operator: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isName('and')) {
      this.index++;
      left = { kind: 'binary', operator: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): Expr {
    if (this.isName('not')) {
      this.index++;
      return { kind: 'unary', operator: 'not', operand: this.not() };
    }
    return this.compare();
  }

  private compare(): Expr {
    const operands = [this.sum()];
    const operators: string[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'operator' && ['<', '<=', '>', '>=', '==', '!='].includes(token.text)) {
        this.index++;
        operators.push(token.text);
      } else if (this.isName('in')) {
        this.index++;
        operators.push('in');
      } else if (this.isName('not') && this.tokens[this.index + 1]?.text === 'in') {
        this.index += 2;
        operators.push('not in');
      } else break;
      operands.push(this.sum());
    }
    return operators.length === 0 ? operands[0]! : { kind: 'compare', operands, operators };
  }

  private sum(): Expr {
    let left = this.term();
    while (this.isOperator('+') || this.isOperator('-')) {
      const operator = this.tokens[this.index++]!.text;
      left = { kind: 'binary', operator, left, right: this.term() };
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    while (this.isOperator('*') || this.isOperator('/') || this.isOperator('//') || this.isOperator('%')) {
      const operator = this.tokens[this.index++]!.text;
      left = { kind: 'binary', operator, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOperator('-')) {
      this.index++;
      return { kind: 'unary', operator: '-', operand: this.unary() };
    }
    const base = this.atom();
    if (this.isOperator('**')) {
      this.index++;
      return { kind: 'binary', operator: '**', left: base, right: this.unary() };
    }
    return base;
  }

  private atom(): Expr {
    const token = this.tokens[this.index++]!;
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value! };
      case 'metavariable':
        return { kind: 'metavariable', name: token.text };
      case 'name': {
        if (token.text === 'True' || token.text === 'true') return { kind: 'literal', value: true };
        if (token.text === 'False' || token.text === 'false') return { kind: 'literal', value: false };
        if (token.text === 'None') return { kind: 'literal', value: null };
        if (!FUNCTIONS.has(token.text)) this.fail(`unknown name "${token.text}" (functions: ${[...FUNCTIONS].join(', ')})`, token);
        this.expect('(');
        const args = this.isOperator(')') ? [] : this.list(')');
        this.expect(')');
        return { kind: 'call', name: token.text, args };
      }
      case 'operator':
        if (token.text === '(') {
          const inner = this.or();
          this.expect(')');
          return inner;
        }
        if (token.text === '[') {
          const items = this.isOperator(']') ? [] : this.list(']');
          this.expect(']');
          return { kind: 'list', items };
        }
        break;
    }
    return this.fail(token.kind === 'end' ? 'the expression ends too early' : `unexpected "${token.text}"`, token);
  }

  private list(closing: string): Expr[] {
    const items = [this.or()];
    while (this.isOperator(',')) {
      this.index++;
      if (this.isOperator(closing)) break;
      items.push(this.or());
    }
    return items;
  }

  private expect(text: string): void {
    if (!this.isOperator(text)) this.fail(`expected "${text}"`);
    this.index++;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private isOperator(text: string): boolean {
    const token = this.peek();
    return token.kind === 'operator' && token.text === text;
  }

  private isName(text: string): boolean {
    const token = this.peek();
    return token.kind === 'name' && token.text === text;
  }

  private fail(message: string, token: Token = this.peek()): never {
    throw new ComparisonSyntaxError(`${message} at column ${token.at + 1} of "${this.source}"`);
  }
}

function collectMetavariables(expr: Expr, into: Set<string>): void {
  switch (expr.kind) {
    case 'metavariable':
      into.add(expr.name);
      return;
    case 'list':
      expr.items.forEach((item) => collectMetavariables(item, into));
      return;
    case 'call':
      expr.args.forEach((arg) => collectMetavariables(arg, into));
      return;
    case 'unary':
      collectMetavariables(expr.operand, into);
      return;
    case 'binary':
      collectMetavariables(expr.left, into);
      collectMetavariables(expr.right, into);
      return;
    case 'compare':
      expr.operands.forEach((operand) => collectMetavariables(operand, into));
      return;
  }
}

function evaluate(expr: Expr, lookup: MetavariableLookup): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'metavariable': {
      const value = lookup(expr.name, 'value');
      if (value === undefined) throw new Unknown();
      return value;
    }
    case 'list':
      return expr.items.map((item) => evaluate(item, lookup));
    case 'call':
      return call(expr.name, expr.args, lookup);
    case 'unary': {
      const operand = evaluate(expr.operand, lookup);
      return expr.operator === 'not' ? !truthy(operand) : -number(operand);
    }
    case 'binary':
      return binary(expr, lookup);
    case 'compare': {
      let left = evaluate(expr.operands[0]!, lookup);
      for (let i = 0; i < expr.operators.length; i++) {
        const right = evaluate(expr.operands[i + 1]!, lookup);
        if (!compare(expr.operators[i]!, left, right)) return false;
        left = right;
      }
      return true;
    }
  }
}

function call(name: string, args: Expr[], lookup: MetavariableLookup): Value {
  const argument = (index: number, conversion: 'value' | 'text' = 'value'): Value => {
    const expr = args[index];
    if (!expr) throw new ComparisonSyntaxError(`${name}() needs an argument`);
    if (expr.kind === 'metavariable') {
      const value = lookup(expr.name, conversion);
      if (value === undefined) throw new Unknown();
      return value;
    }
    return evaluate(expr, lookup);
  };
  switch (name) {
    case 'int': {
      const value = argument(0);
      const parsed = typeof value === 'number' ? Math.trunc(value) : typeof value === 'string' ? parseIntLoose(value) : NaN;
      if (Number.isNaN(parsed)) throw new Unknown();
      return parsed;
    }
    case 'float': {
      const parsed = Number(argument(0));
      if (Number.isNaN(parsed)) throw new Unknown();
      return parsed;
    }
    case 'str':
      return String(argument(0, 'text'));
    case 'len': {
      const value = argument(0);
      if (typeof value === 'string' || Array.isArray(value)) return value.length;
      throw new Unknown();
    }
    case 're.match': {
      const pattern = argument(0);
      const text = argument(1, 'text');
      if (typeof pattern !== 'string') throw new Unknown();
      let regex = regexCache.get(pattern);
      if (!regex) {
        regex = compileRegex(pattern);
        regexCache.set(pattern, regex);
      }
      return regex.matchesAtStart(String(text));
    }
    case 'today':
      return Date.now() / 1000;
    case 'strptime': {
      const text = argument(0);
      const parsed = typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) / 1000 : NaN;
      if (Number.isNaN(parsed)) throw new Unknown();
      return parsed;
    }
    case 'lower':
    case 'upper': {
      const text = argument(0, 'text');
      if (typeof text !== 'string') throw new Unknown();
      return name === 'lower' ? text.toLowerCase() : text.toUpperCase();
    }
    default:
      throw new ComparisonSyntaxError(`unknown function ${name}()`);
  }
}

function parseIntLoose(text: string): number {
  const trimmed = text.trim().replace(/_/g, '');
  if (/^[-+]?0x[0-9a-f]+$/i.test(trimmed)) return parseInt(trimmed, 16);
  if (/^[-+]?\d+$/.test(trimmed)) return parseInt(trimmed, 10);
  return NaN;
}

function binary(expr: Extract<Expr, { kind: 'binary' }>, lookup: MetavariableLookup): Value {
  if (expr.operator === 'and') return truthy(evaluate(expr.left, lookup)) && truthy(evaluate(expr.right, lookup));
  if (expr.operator === 'or') {
    let left: boolean;
    try {
      left = truthy(evaluate(expr.left, lookup));
    } catch (error) {
      if (!(error instanceof Unknown)) throw error;
      left = false;
    }
    return left || truthy(evaluate(expr.right, lookup));
  }
  const left = evaluate(expr.left, lookup);
  const right = evaluate(expr.right, lookup);
  if (expr.operator === '+' && typeof left === 'string' && typeof right === 'string') return left + right;
  const a = number(left);
  const b = number(right);
  switch (expr.operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '//':
      return Math.floor(a / b);
    case '%':
      return a % b;
    case '**':
      return a ** b;
    default:
      throw new ComparisonSyntaxError(`unknown operator ${expr.operator}`);
  }
}

function compare(operator: string, left: Value, right: Value): boolean {
  switch (operator) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case 'in':
      return contains(right, left);
    case 'not in':
      return !contains(right, left);
  }
  if (typeof left === 'string' && typeof right === 'string') {
    return operator === '<' ? left < right : operator === '<=' ? left <= right : operator === '>' ? left > right : left >= right;
  }
  const a = number(left);
  const b = number(right);
  return operator === '<' ? a < b : operator === '<=' ? a <= b : operator === '>' ? a > b : a >= b;
}

function contains(container: Value, item: Value): boolean {
  if (Array.isArray(container)) return container.some((element) => equal(element, item));
  if (typeof container === 'string' && typeof item === 'string') return container.includes(item);
  throw new Unknown();
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'boolean') return a === Number(b);
  if (typeof a === 'boolean' && typeof b === 'number') return Number(a) === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function number(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  throw new Unknown();
}

function truthy(value: Value): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}
