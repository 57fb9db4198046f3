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
      // Template text is kept; a hole that is only `...` becomes the ellipsis identifier.
      const end = skipQuoted(source, i, ch);
      out += source.slice(i, end).replace(/\$\{\s*\.\.\.\s*\}/g, `\${${ELLIPSIS}}`);
      i = end;
      continue;
    }
    const typed = ch === '(' ? TYPED_METAVARIABLE.exec(source.slice(i)) : null;
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
      const next = source.slice(i + 3).match(/^\s*(.)/s)?.[1];
      const afterKeywordOrDot = /(\bfunction\s*|\.\s*)$/.test(out);
      // `{ ... stmt; }` on one line: after `{` or `;` and followed by a space, `...` is a statement ellipsis.
      const statementStart = /[{;]\s*$/.test(out) && /^\s/.test(source.slice(i + 3));
      const isSpread =
        !afterKeywordOrDot && !statementStart && next !== undefined && /[A-Za-z_$(\[{'"`]/.test(next) && !/^\s*\n/.test(source.slice(i + 3));
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
