import type { Finding } from './finding.js';

export interface FrameStyle {
  gutter: (text: string) => string;
  marker: (text: string) => string;
}

const TAB_WIDTH = 2;
const MAX_LINE_WIDTH = 160;

/** The finding's lines with the matched span underlined, like a compiler diagnostic. */
export function codeFrame(finding: Finding, style: FrameStyle): string[] {
  const snippet = finding.snippet;
  if (!snippet) return [];
  const out: string[] = [];
  const lastLine = snippet.firstLine + snippet.lines.length - 1;
  const width = String(lastLine).length;
  snippet.lines.forEach((raw, index) => {
    const lineNo = snippet.firstLine + index;
    const text = visible(raw);
    out.push(`${style.gutter(`${String(lineNo).padStart(width)} |`)} ${text}`);
    if (lineNo < finding.line || lineNo > finding.endLine) return;
    const start = lineNo === finding.line ? visibleColumn(raw, finding.column - 1) : leadingIndent(text);
    const end = lineNo === finding.endLine ? visibleColumn(raw, finding.endColumn - 1) : text.length;
    const length = Math.max(1, Math.min(end, MAX_LINE_WIDTH) - start);
    if (start >= MAX_LINE_WIDTH) return;
    out.push(`${style.gutter(`${' '.repeat(width)} |`)} ${' '.repeat(start)}${style.marker('^'.repeat(length))}`);
  });
  return out;
}

function visible(line: string): string {
  const expanded = line.replace(/\t/g, ' '.repeat(TAB_WIDTH));
  return expanded.length > MAX_LINE_WIDTH ? `${expanded.slice(0, MAX_LINE_WIDTH)}…` : expanded;
}

function visibleColumn(line: string, column: number): number {
  const before = line.slice(0, column);
  return before.length + (before.split('\t').length - 1) * (TAB_WIDTH - 1);
}

function leadingIndent(text: string): number {
  return text.length - text.trimStart().length;
}
