import type { z } from 'zod';
import { closestWord } from '../text/suggest.js';

type Path = Array<string | number>;

/**
 * Turns one zod issue into a single line that says where and what was expected. With the schema
 * that was parsed, an unknown key gets the closest key allowed at that place ("did you mean").
 * Parse with `reportInput: true` so that a wrong value is named rather than called missing.
 */
export function describeIssue(issue: z.core.$ZodIssue, base: Path, schema?: z.core.$ZodType): { path: Path; key?: string; message: string } {
  const path = [...base, ...(issue.path as Array<string | number>)];
  const where = dotted(path) || 'top level';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const known = schema ? keysAt(schema, issue.path as Path) : [];
      const suggestions = issue.keys.map((unknown) => [unknown, closestWord(unknown, known)] as const).filter(([, best]) => best !== undefined);
      const hint = suggestions.length > 0 ? `did you mean ${suggestions.map(([unknown, best]) => `"${best}"${issue.keys.length > 1 ? ` for "${unknown}"` : ''}`).join(', ')}?` : 'check its spelling in docs/rules.md';
      return { path, key, message: `${where}: unknown key "${issue.keys.join('", "')}"; ${hint}` };
    }
    case 'invalid_type':
      return { path, message: `${where}: expected ${issue.expected}${issue.input === undefined ? ' (the key is missing)' : `, got ${kindOf(issue.input)}`}` };
    case 'invalid_value': {
      const typed = typeof issue.input === 'string' ? issue.input : undefined;
      const best = typed === undefined ? undefined : closestWord(typed, caseFolded(issue.values) ?? issue.values.filter((value): value is string => typeof value === 'string'));
      return { path, message: `${where}: expected one of ${allowedValues(issue.values)}${typed === undefined ? '' : `; got "${typed}"`}${best ? `, did you mean "${best}"?` : ''}` };
    }
    case 'invalid_union': {
      // A wrong word where a word or a list of words is expected: name the words, not "expected array".
      const wrongWord = issue.errors.flat().find((inner) => inner.code === 'invalid_value' && inner.path.length === 0);
      if (wrongWord) return { path, message: describeIssue(wrongWord, path).message };
      return { path, message: `${where}: ${unionExpectation(issue)}` };
    }
    default:
      return { path, message: `${where}: ${issue.message}` };
  }
}

interface SchemaDefinition {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
}

/** The keys an object may have at `path` inside `schema`, through optionals, lazies, arrays and unions. */
export function keysAt(schema: z.core.$ZodType, path: Path): string[] {
  const keys = new Set<string>();
  const visit = (node: z.core.$ZodType, rest: Path, depth: number): void => {
    if (depth > 50) return;
    const definition = node._zod.def as unknown as SchemaDefinition;
    const inner = definition.innerType ?? definition.in ?? definition.getter?.();
    if (inner && definition.type !== 'object') return visit(inner, rest, depth + 1);
    if (definition.type === 'union') return definition.options?.forEach((option) => visit(option, rest, depth + 1));
    const [step, ...after] = rest;
    if (step === undefined) {
      if (definition.type === 'object') Object.keys(definition.shape ?? {}).forEach((key) => keys.add(key));
      return;
    }
    if (typeof step === 'number' && definition.type === 'array' && definition.element) return visit(definition.element, after, depth + 1);
    const field = typeof step === 'string' && definition.type === 'object' ? definition.shape?.[step] : undefined;
    if (field) visit(field, after, depth + 1);
  };
  visit(schema, path, 0);
  return [...keys];
}

function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const expectations = new Set<string>();
  for (const branch of issue.errors) for (const inner of branch) if (inner.code === 'invalid_type' && inner.path.length === 0) expectations.add(inner.expected);
  return expectations.size > 0 ? `expected ${[...expectations].join(' or ')}` : issue.message;
}

/** Case variants of one word are listed once: "high (any case)" rather than high, HIGH, High. */
function allowedValues(values: readonly unknown[]): string {
  const folded = caseFolded(values);
  return folded ? `${folded.join(', ')} (in any case)` : values.map((value) => JSON.stringify(value)).join(', ');
}

/** The words of an enum that accepts every case of them, once each in lower case. */
function caseFolded(values: readonly unknown[]): string[] | undefined {
  const strings = values.filter((value): value is string => typeof value === 'string');
  const folded = [...new Set(strings.map((value) => value.toLowerCase()))];
  return strings.length === values.length && folded.length < strings.length ? folded : undefined;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

function dotted(path: Path): string {
  return path.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${step}` : step), '');
}
