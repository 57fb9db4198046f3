import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { InputFileError } from './input-file-error.js';

export interface Position {
  line: number;
  column: number;
}

/** A parsed YAML file that can say where any value in it came from. */
export interface YamlInput {
  file: string;
  data: unknown;
  /** Where the value at `path` starts; with `atKey`, where its key is written (for unknown keys). */
  positionOf(path: readonly PropertyKey[], atKey?: boolean): Position;
}

const MAX_ALIAS_EXPANSION = 1000;

export function readYaml(file: string, text: string): YamlInput {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = document.errors[0];
  if (problem) {
    const offset = problem.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    throw new InputFileError(file, line, col, `invalid YAML: ${firstLine(problem.message)}`);
  }
  let data: unknown;
  try {
    // Unresolved aliases and alias bombs only fail here, when values are built.
    data = document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    const { line, col } = lineCounter.linePos(0);
    throw new InputFileError(file, line, col, `invalid YAML: ${firstLine((error as Error).message)}`);
  }
  return { file, data, positionOf: (path, atKey = false) => positionIn(document, lineCounter, path, atKey) };
}

/** Validates with zod and turns the first issue into an error at the offending node. */
export function validateYaml<S extends z.ZodType>(input: YamlInput, schema: S): z.infer<S> {
  const result = schema.safeParse(input.data, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const unknownKey = issue.code === 'unrecognized_keys';
  const path = unknownKey ? [...issue.path, issue.keys[0]!] : issue.path;
  const where = input.positionOf(path, unknownKey);
  // An unknown key is named in the explanation; the path then only needs to say where it sits.
  const context = unknownKey ? issue.path : path;
  const prefix = context.length > 0 ? `${describePath(context)}: ` : '';
  throw new InputFileError(input.file, where.line, where.column, `${prefix}${explainIssue(issue, schema)}`);
}

export function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

function explainIssue(issue: z.core.$ZodIssue, schema: z.ZodType): string {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, issue.path);
      return `unknown key "${issue.keys[0]}"${allowed.length > 0 ? `; expected one of: ${allowed.join(', ')}` : ''}`;
    }
    case 'invalid_type':
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}, got ${kindOf(issue.input)}`;
    default:
      return issue.message;
  }
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

interface SchemaDefinition {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
}

/** Walks zod's definitions to list the keys an object at `path` accepts, for "expected one of". */
function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const definition: SchemaDefinition = (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;
  if (definition.innerType) return allowedKeysAt(definition.innerType, path);
  if (definition.type === 'union') return [...new Set((definition.options ?? []).flatMap((option) => allowedKeysAt(option, path)))];
  if (path.length === 0) return definition.shape ? Object.keys(definition.shape) : [];
  const [step, ...rest] = path;
  const next =
    definition.type === 'object' && typeof step === 'string'
      ? definition.shape?.[step]
      : definition.type === 'array'
        ? definition.element
        : definition.type === 'record'
          ? definition.valueType
          : undefined;
  return next ? allowedKeysAt(next, rest) : [];
}

function positionIn(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[], atKey: boolean): Position {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, step] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      if (atKey && index === path.length - 1) break;
      node = pair.value;
      offset = rangeStart(node) ?? offset;
      continue;
    }
    const items = (node as { items?: unknown[] } | null)?.items;
    if (!Array.isArray(items) || typeof step !== 'number' || items[step] === undefined) break;
    node = items[step];
    offset = rangeStart(node) ?? offset;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
