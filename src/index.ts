/** The library core: the CLI and the GitHub Action are thin adapters over these. */
export type { Finding, Report, ToolError, ToolWarning, TraceStep } from './report/finding.js';
export type { FileContext, FileSide } from './context/file-context.js';
export { CATEGORIES } from './report/finding.js';
export { SEVERITIES, CONFIDENCES, type Severity, type Confidence } from './report/severity.js';
export { FORMATTERS, FORMAT_NAMES, type FormatName, type Formatter, type FormatOptions } from './report/formatters/index.js';
export { renderMessage } from './report/message.js';
export { inspect } from './crypto/inspect.js';
export type { InspectOptions, InspectResult } from './crypto/inspect.js';
export { confirmKeys, type KeyConfirmation, type KeyConfirmationResult, type ConfirmKeysOptions } from './crypto/keys/confirm-keys.js';
export type { CandidateKey } from './crypto/keys/candidates.js';
export { CHECK_IDS, type CheckId } from './crypto/check-ids.js';
