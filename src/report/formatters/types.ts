import type { Report } from '../finding.js';
import type { FailOn } from '../outcome.js';

export interface FormatOptions {
  color: boolean;
  /** Show data-flow paths whole (text output shortens them to their source and last steps). */
  verbose?: boolean;
  /** SARIF: `runs[0].automationDetails.id` is this category plus `/` (one per monorepo package, say). Default `nobackdoor`. */
  category?: string;
  /** Markdown: the --fail-on threshold, to say which findings block. */
  failOn?: FailOn;
}

/** A formatter is a pure function of the report: no I/O, no clock, no environment. */
export type Formatter = (report: Report, options: FormatOptions) => string;
