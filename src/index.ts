/** The library core: the CLI and the GitHub Action are thin adapters over these. */
export type { Finding, Report, ToolError, ToolWarning, TraceStep, FileContext } from './report/finding.js';
export { CATEGORIES } from './report/finding.js';
export { SEVERITIES, CONFIDENCES, type Severity, type Confidence } from './report/severity.js';
export { FORMATTERS, FORMAT_NAMES, type FormatName, type Formatter, type FormatOptions } from './report/formatters/index.js';
export { renderMessage } from './report/message.js';
