/**
 * The library's small entry: what the CLI needs before it knows which command runs (`--version`,
 * `--help`, an unknown command). Nothing here loads the parser, the rules or the type checker;
 * src/index.ts re-exports all of it.
 */
export { TOOL_VERSION } from './version.js';
export { didYouMean } from './text/suggest.js';
export { EXIT_OK, EXIT_FINDINGS, EXIT_ERROR } from './report/outcome.js';
export { CONFIG_FILE_NAME } from './config/file-name.js';
