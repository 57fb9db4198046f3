/** A substring that every match of a regex contains, so most texts are ruled out by `includes`. */
export interface RequiredLiteral {
  text: string;
  /** Compare against the text lower-cased (the regex began with `(?i)`). */
  ignoreCase: boolean;
}

const MIN_LENGTH = 2;
const ESCAPED_LITERALS = new Set([...'\\.+*?()|[]{}^$/-#&~ \'"`:,=!<>@%;']);

/**
 * The longest run of plain characters outside groups, classes and optional parts, when the
 * regex has no top-level alternation. RE2JS runs in linear time but is slow next to
 * `String.includes`, and rule regexes meet every string and binding of every file.
 * Anything this reader does not understand gives no literal, never a wrong one.
 */
export function requiredLiteral(source: string): RequiredLiteral | undefined {
  let body = source;
  let ignoreCase = false;
  const flags = /^\(\?([a-zA-Z]+)\)/.exec(body);
  if (flags) {
    if (/[^ims]/.test(flags[1]!)) return undefined;
    ignoreCase = flags[1]!.includes('i');
    body = body.slice(flags[0].length);
  }
  // Flags switched on midway change how the rest reads.
  if (/\(\?[a-zA-Z-]+\)/.test(body)) return undefined;
  let best = '';
  let run = '';
  let depth = 0;
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  // Case-insensitive runs keep to ASCII letters that lower-case exactly as RE2 folds them: `s` and
  // `k` also fold with `ſ` and the Kelvin sign, which `toLowerCase` does not map to them in full.
  const append = (ch: string) => {
    if (ignoreCase && (/[sk]/i.test(ch) || ch.charCodeAt(0) > 0x7f)) flush();
    else run += ch;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\') {
      const next = body[i + 1];
      if (next === undefined) return undefined;
      i++;
      if (ESCAPED_LITERALS.has(next)) {
        if (depth === 0) append(next);
        continue;
      }
      // \d \s \w \b and friends are classes or assertions; \p{…}, \x{…}, \Q…\E are beyond this reader.
      if (!'dDsSwWbBAz'.includes(next)) return undefined;
      if (depth === 0) flush();
      continue;
    }
    if (ch === '[') {
      const end = classEnd(body, i);
      if (end === undefined) return undefined;
      i = end;
      if (depth === 0) flush();
      continue;
    }
    if (ch === '(') {
      if (depth === 0) flush();
      depth++;
      continue;
    }
    if (ch === ')') {
      depth--;
      if (depth < 0) return undefined;
      continue;
    }
    if (ch === '|') {
      if (depth === 0) return undefined;
      continue;
    }
    if (depth > 0) continue;
    if (ch === '*' || ch === '?' || ch === '{') {
      // The character before may be absent (or repeated apart from its neighbours).
      run = run.slice(0, -1);
      flush();
      if (ch === '{') {
        const close = body.indexOf('}', i);
        if (close < 0) return undefined;
        i = close;
      }
      continue;
    }
    if (ch === '+' || ch === '.' || ch === '^' || ch === '$') {
      flush();
      continue;
    }
    append(ch);
  }
  if (depth !== 0) return undefined;
  flush();
  if (best.length < MIN_LENGTH) return undefined;
  return { text: ignoreCase ? best.toLowerCase() : best, ignoreCase };
}

/** Tests a text against a required literal. */
export function mayContain(literal: RequiredLiteral | undefined, text: string): boolean {
  if (!literal) return true;
  return (literal.ignoreCase ? text.toLowerCase() : text).includes(literal.text);
}

/** Index of the `]` closing the class opened at `start`, skipping escapes and `[:alpha:]`. */
function classEnd(body: string, start: number): number | undefined {
  let i = start + 1;
  if (body[i] === '^') i++;
  if (body[i] === ']') i++;
  for (; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[' && body[i + 1] === ':') {
      const close = body.indexOf(':]', i + 2);
      if (close < 0) return undefined;
      i = close + 1;
      continue;
    }
    if (ch === ']') return i;
  }
  return undefined;
}
