/**
 * What a file's text says about where it runs, read lexically (no parse): the scanner classifies
 * every file before it analyses any, so this pass must cost a small fraction of parsing. Static
 * imports and exports are read where statements start (a line's first word), so examples in
 * comments (` * import x from 'y'`) are not taken for imports.
 */

export interface ImportSpecifier {
  specifier: string;
  /** `import type …` / `export type … from`: evidence of the framework, but no code runs. */
  typeOnly: boolean;
}

const STATIC_IMPORT = /(?:import|export)[ \t]+(type[ \t]+)?(?:[\w$*{}\s,]+?[ \t\r\n]from[ \t]*)?(['"])([^'"\r\n]+)\2/y;
const CALL_IMPORT = /(?:require|import)[ \t]*\([ \t]*(['"`])([^'"`\r\n$]+)\1[ \t]*\)/y;

/**
 * The modules a file imports. Keywords are found with indexOf (much faster than a regex over the
 * whole text) and the statement or call is then read at that place.
 */
export function importSpecifiers(text: string): ImportSpecifier[] {
  const found: ImportSpecifier[] = [];
  for (const keyword of ['import', 'export', 'require']) {
    for (let at = text.indexOf(keyword); at !== -1; at = text.indexOf(keyword, at + keyword.length)) {
      if (at > 0 && WORD.test(text[at - 1]!)) continue;
      if (keyword !== 'require' && startsStatement(text, at)) {
        STATIC_IMPORT.lastIndex = at;
        const match = STATIC_IMPORT.exec(text);
        if (match) {
          found.push({ specifier: match[3]!, typeOnly: match[1] !== undefined });
          continue;
        }
      }
      if (keyword === 'export') continue;
      CALL_IMPORT.lastIndex = at;
      const match = CALL_IMPORT.exec(text);
      if (match && !inLineComment(text, at)) found.push({ specifier: match[2]!, typeOnly: false });
    }
  }
  return found;
}

/** Only spaces or tabs between the line's start and the keyword. */
function startsStatement(text: string, at: number): boolean {
  for (let index = at - 1; index >= 0; index--) {
    const char = text.charCodeAt(index);
    if (char === 10 || char === 13) return true;
    if (char !== 32 && char !== 9) return false;
  }
  return true;
}

/** A `require(…)` after `//` or in a ` * ` documentation line is an example, not code. */
function inLineComment(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const before = text.slice(lineStart, at);
  return before.includes('//') || /^\s*\*/.test(before);
}

const PROLOGUE_SKIP = /^(?:\uFEFF|#![^\n]*\n|\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/;
const DIRECTIVE = /^(['"])([^'"\n]*)\1[ \t]*;?/;

/** The strings of the directive prologue: `'use client'` after comments and `'use strict'`. */
export function directives(text: string): string[] {
  const found: string[] = [];
  let rest = text;
  for (;;) {
    rest = rest.slice(PROLOGUE_SKIP.exec(rest)![0].length);
    const match = DIRECTIVE.exec(rest);
    if (!match) return found;
    found.push(match[2]!);
    rest = rest.slice(match[0].length);
  }
}

/**
 * Which of the given globals the file uses: `document.…`, `Deno.serve(…)`, not after a dot
 * (`this.document`) and not where the file declares the name itself (a parameter, a variable,
 * a destructured field called `document`, as database code often does). One pass of indexOf
 * per name, reading the characters around each occurrence.
 */
export function usedGlobals(text: string, globals: readonly string[]): string[] {
  return globals.filter((global) => usesGlobal(text, global.split('.')));
}

function usesGlobal(text: string, path: readonly string[]): boolean {
  const root = path[0]!;
  let used = false;
  for (let at = text.indexOf(root); at !== -1; at = text.indexOf(root, at + root.length)) {
    if (at > 0 && WORD_OR_DOT.test(text[at - 1]!)) continue;
    const after = at + root.length;
    if (after < text.length && WORD.test(text[after]!)) continue;
    if (isDeclaration(text, at, after)) return false;
    if (!used) used = followedBy(text, after, path.slice(1));
  }
  return used;
}

const WORD = /[\w$]/;
const WORD_OR_DOT = /[\w$.]/;
const DECLARING_WORDS = new Set(['const', 'let', 'var', 'function', 'class']);

/** `const document =`, `(document)`, `{ document }`, `, document:`: the file's own name, not the global. */
function isDeclaration(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && /\s/.test(text[before]!)) before--;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  if ('{(,'.includes(text[before] ?? '') && ',:=)}?'.includes(text[after] ?? '')) return true;
  let wordStart = before;
  while (wordStart >= 0 && /[a-z]/.test(text[wordStart]!)) wordStart--;
  return wordStart < before && DECLARING_WORDS.has(text.slice(wordStart + 1, before + 1));
}

/** After the root: the members of the path, each after `.` or `?.`, then `.`, `?.`, `(` or `[`. */
function followedBy(text: string, at: number, members: readonly string[]): boolean {
  let end = at;
  for (const member of members) {
    end = skipDot(text, end);
    if (end === -1 || !text.startsWith(member, end)) return false;
    end += member.length;
  }
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (text[end] === '?') end++;
  return text[end] === '.' || text[end] === '(' || text[end] === '[';
}

/** After a name: spaces, `?.` or `.`, spaces; the index after them, or -1. */
function skipDot(text: string, at: number): number {
  let index = at;
  while (text[index] === ' ' || text[index] === '\t') index++;
  if (text[index] === '?') index++;
  if (text[index] !== '.') return -1;
  index++;
  while (text[index] === ' ' || text[index] === '\t') index++;
  return index;
}
