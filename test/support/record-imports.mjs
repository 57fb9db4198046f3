// Preloaded with `node --import` by test/startup.test.ts: appends the URL of every module the
// program imports (ESM resolution, which covers the packages the CLI imports) to the file named
// by NOBACKDOOR_TEST_IMPORTS, so a test can see what a command loaded.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);
