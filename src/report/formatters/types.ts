import type { Report } from '../finding.js';

export interface FormatOptions {
  color: boolean;
  /** Show data-flow paths whole (text output shortens them to their source and last steps). */
  verbose?: boolean;
}

/** A formatter is a pure function of the report: no I/O, no clock, no environment. */
export type Formatter = (report: Report, options: FormatOptions) => string;
