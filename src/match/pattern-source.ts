/**
 * Rewrites a pattern's Semgrep-only syntax into valid TypeScript so the real parser can read it:
 * `...` (ellipsis) becomes an identifier, `$...ARGS` an identifier, `<... e ...>` a marker call.
 * String literals, template literals and comments are copied untouched.
 */
export const ELLIPSIS = '__nb_ellipsis__';
export const DEEP = '__nb_deep__';
export const SPREAD_PREFIX = '$__nb_spread__';
export const TYPED = '__nb_typed__';
export const ANY_LOOP = '__nb_any_loop__';

const TYPED_METAVARIABLE = /^\(\s*(\$[A-Z_][A-Z0-9_]*)\s*:\s*([A-Za-z_$][\w$.]*(?:<[^()]*>)?(?:\[\])*)\s*\)/;
const ANY_LOOP_HEADER = /^for\s*\(\s*\.\.\.\s*\)/;

export function rewritePattern(source: string): string {
  let out = '';
  let i = 0;
  const length = source.length;
  while (i < length) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(source, i, ch);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '`') {
      // Template text is kept (its `...` and `$X` are read by the matcher); holes are patterns.
      const [text, end] = rewriteTemplate(source, i);
      out += text;
      i = end;
      continue;
    }
    const typed = ch === '(' && !isParameterListStart(out, source, i) ? TYPED_METAVARIABLE.exec(source.slice(i)) : null;
    if (typed) {
      out += `${TYPED}(${typed[1]}, ${JSON.stringify(typed[2])})`;
      i += typed[0].length;
      continue;
    }
    const loop = ch === 'f' && !/[\w$]$/.test(out) ? ANY_LOOP_HEADER.exec(source.slice(i)) : null;
    if (loop) {
      out += `for (${ANY_LOOP} of ${ANY_LOOP})`;
      i += loop[0].length;
      continue;
    }
    if (ch === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? length : end;
      continue;
    }
    if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? length : end + 2;
      continue;
    }
    if (source.startsWith('<...', i)) {
      out += `${DEEP}(`;
      i += 4;
      continue;
    }
    if (source.startsWith('...>', i)) {
      out += ')';
      i += 4;
      continue;
    }
    if (source.startsWith('$...', i) && /[A-Z_]/.test(source[i + 4] ?? '')) {
      out += SPREAD_PREFIX;
      i += 4;
      continue;
    }
    if (source.startsWith('...', i)) {
      const rest = source.slice(i + 3);
      // `<$EL ... href={$X} />`: an attribute that stands for any attributes.
      if (/\s$/.test(out) && /^(\s|\/|>)/.test(rest) && JSX_TAG_OPEN.test(out)) {
        out += ELLIPSIS;
        i += 3;
        continue;
      }
      const next = rest.match(/^\s*(.)/s)?.[1];
      const afterKeywordOrDot = /(\bfunction\s*|\.\s*)$/.test(out);
      // `{ ... stmt; }` on one line: after `{` or `;` and followed by a space, `...` is a statement
      // ellipsis; `{ ... }` alone stays an ellipsis that reads as a block, an object or import braces.
      const statementStart = /[{;]\s*$/.test(out) && /^\s/.test(rest) && !/^\s*[}),]/.test(rest);
      const isSpread =
        !afterKeywordOrDot && !statementStart && next !== undefined && /[A-Za-z_$(\[{'"`]/.test(next) && !/^\s*\n/.test(rest);
      // `switch (x) { ... }`: any cases, written as a case the matcher reads as "any cases".
      const switchBody = /\bswitch\s*\((?:[^()]|\([^()]*\))*\)\s*\{\s*$/.test(out);
      out += switchBody ? `case ${ELLIPSIS}:` : isSpread ? '...' : statementStart ? `${ELLIPSIS};` : ELLIPSIS;
      i += 3;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * A JSX opening tag is open at the end of `text`: `<Name` and attributes after a place where an
 * expression starts, so comparisons (`$A < $B`) and type arguments (`f<T>`) are not mistaken for one.
 */
const JSX_TAG_OPEN = /(?:^|[(,=:?&|{}[;>!]|\breturn)\s*<[A-Za-z_$][\w$.:-]*(?:\s(?:[^<>=]|=>?)*)?$/;

/** `(` opens the parameters of a function, method or arrow, where `($X: T)` is a typed parameter. */
function isParameterListStart(out: string, source: string, open: number): boolean {
  if (/(?:[\w$]|\bfunction\s*\*?\s*)$/.test(out)) return true;
  const close = matchingParen(source, open);
  return close !== undefined && /^\s*(=>|\{|:)/.test(source.slice(close + 1));
}

function matchingParen(source: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      i = skipQuoted(source, i, ch) - 1;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

/** A template literal from its opening backtick: text copied, each `${ … }` hole rewritten as a pattern. */
function rewriteTemplate(source: string, start: number): [string, number] {
  let out = '`';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      out += source.slice(i, i + 2);
      i += 2;
    } else if (ch === '`') {
      return [out + '`', i + 1];
    } else if (ch === '$' && source[i + 1] === '{') {
      const end = holeEnd(source, i + 2);
      out += `\${${rewritePattern(source.slice(i + 2, end))}}`;
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return [out, source.length];
}

/** The index of the `}` that closes a template hole whose text starts at `start`. */
function holeEnd(source: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'") {
      i = skipQuoted(source, i, ch);
      continue;
    }
    if (ch === '`') {
      i = rewriteTemplate(source, i)[1];
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    }
    i++;
  }
  return source.length;
}

function skipQuoted(source: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') i += 2;
    else if (ch === quote) return i + 1;
    else i++;
  }
  return source.length;
}
