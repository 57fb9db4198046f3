import type { z } from 'zod';

type Path = Array<string | number>;

/** Turns one zod issue into a single line that says where and what was expected. */
export function describeIssue(issue: z.core.$ZodIssue, base: Path): { path: Path; key?: string; message: string } {
  const path = [...base, ...(issue.path as Array<string | number>)];
  const where = dotted(path) || 'top level';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      return { path, key, message: `${where}: unknown key "${issue.keys.join('", "')}"; check its spelling in docs/rules.md` };
    }
    case 'invalid_type':
      return { path, message: `${where}: expected ${issue.expected}${issue.input === undefined ? ' (the key is missing)' : `, got ${kindOf(issue.input)}`}` };
    case 'invalid_value':
      return { path, message: `${where}: expected one of ${allowedValues(issue.values)}` };
    case 'invalid_union':
      return { path, message: `${where}: ${unionExpectation(issue)}` };
    default:
      return { path, message: `${where}: ${issue.message}` };
  }
}

function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const expectations = new Set<string>();
  for (const branch of issue.errors) for (const inner of branch) if (inner.code === 'invalid_type' && inner.path.length === 0) expectations.add(inner.expected);
  return expectations.size > 0 ? `expected ${[...expectations].join(' or ')}` : issue.message;
}

/** Case variants of one word are listed once: "high (any case)" rather than high, HIGH, High. */
function allowedValues(values: readonly unknown[]): string {
  const strings = values.filter((value): value is string => typeof value === 'string');
  const folded = [...new Set(strings.map((value) => value.toLowerCase()))];
  if (strings.length === values.length && folded.length < strings.length) return `${folded.join(', ')} (in any case)`;
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

function dotted(path: Path): string {
  return path.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${step}` : step), '');
}
