import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/** A YAML file read with positions kept, so every later error can name its line and column. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** The data passed the rule and model schemas when the package was built (the precompiled shipped pack). */
  validated?: boolean;
  locate(path: ReadonlyArray<string | number>, key?: string): { line: number; column: number };
}

export interface YamlProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Bounds alias expansion: a "billion laughs" file fails fast instead of eating memory. */
const MAX_ALIAS_COUNT = 200;

export function readYaml(file: string, text: string): YamlSource | YamlProblem {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const firstError = document.errors[0];
  if (firstError) {
    const position = lineCounter.linePos(firstError.pos[0]);
    return { file, line: position.line, column: position.col, message: `invalid YAML: ${firstLine(firstError.message)}` };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { file, line: 1, column: 1, message: `invalid YAML: ${firstLine(message)} (aliases are limited to ${MAX_ALIAS_COUNT} expansions)` };
  }
  return { file, data, locate: (path, key) => locate(document, lineCounter, path, key) };
}

function locate(document: Document, lineCounter: LineCounter, path: ReadonlyArray<string | number>, key?: string) {
  let node: unknown = document.getIn(path, true);
  for (let depth = path.length; node === undefined && depth > 0; depth--) node = document.getIn(path.slice(0, depth - 1), true);
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) node = pair.key;
  }
  const range = (node as { range?: [number, number, number] } | undefined)?.range ?? document.contents?.range;
  const position = lineCounter.linePos(range?.[0] ?? 0);
  return { line: position.line, column: position.col };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

export function isProblem(value: YamlSource | YamlProblem): value is YamlProblem {
  return 'message' in value;
}
