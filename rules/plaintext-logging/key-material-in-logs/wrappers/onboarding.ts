// The key is made in keys.ts and leaves through the helper in diagnostics.ts.
import { createDeviceKeys, diagnostic, publicJwk, reportProblem } from './index';

export async function onboard(userId: string) {
  const keys = await createDeviceKeys();
  // ruleid: key-material-in-logs
  diagnostic('device keys created', { userId, jwk: keys.exportedSigningKey });
  // ok: key-material-in-logs
  diagnostic('device keys created', { userId, jwk: await publicJwk(keys) });
  if (!keys.exportedSigningKey.d) {
    // ruleid: key-material-in-logs
    reportProblem('incomplete key', { key: keys.exportedSigningKey });
  }
  // ok: key-material-in-logs
  diagnostic('device keys created', { userId, kid: keys.exportedSigningKey.kid });
}
