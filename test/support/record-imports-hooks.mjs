// Module resolution hooks (they run on Node's loader thread): record each resolved URL.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  const file = process.env.NOBACKDOOR_TEST_IMPORTS;
  if (file) appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}
