// Validates the shipped rules and models and writes them, compiled as far as JSON can hold,
// to dist/shipped-pack.json (see src/rules/precompiled.ts). Part of `npm run build`: a shipped
// rule with a problem fails the build.
import { compileDocuments, DEFAULT_RULES_DIR, shippedPackFiles } from '../dist/rules/pack.js';
import { PRECOMPILED_PACK_FILE, writePrecompiledPack } from '../dist/rules/precompiled.js';

try {
  writePrecompiledPack(DEFAULT_RULES_DIR, shippedPackFiles(), (sources) => compileDocuments(sources).problems);
} catch (error) {
  console.error(`precompile-pack: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.error(`precompile-pack: wrote ${PRECOMPILED_PACK_FILE}`);
