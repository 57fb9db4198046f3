/**
 * Rewrites a pattern's Semgrep-only syntax into valid TypeScript so the real parser can read it:
 * `...` (ellipsis) becomes an identifier, `$...ARGS` an identifier, `<... e ...>` a marker call.
 * String literals, template literals and comments are copied untouched.
 */
export const ELLIPSIS = '__nb_ellipsis__';
export const DEEP = '__nb_deep__';
export const SPREAD_PREFIX = '$__nb_spread__';

export function rewritePattern(source: string): string {
  let out = '';
  let i = 0;
  const length = source.length;
  while (i < length) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = skipQuoted(source, i, ch);
      out += source.slice(i, end);
      i = end;
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
      const isSpread =
        !afterKeywordOrDot && next !== undefined && /[A-Za-z_$(\[{'"`]/.test(next) && !/^\s*\n/.test(source.slice(i + 3));
      out += isSpread ? '...' : ELLIPSIS;
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
