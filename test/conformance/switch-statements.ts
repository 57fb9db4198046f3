export function sslFor(mode: string | undefined) {
  switch (mode) {
    case 'disable':
      return false;
    case 'no-verify':
      // ruleid: conformance-switch-any-case, conformance-switch-named-case
      return { rejectUnauthorized: false };
    default:
      return true;
  }
}

export function legacyFor(mode: string | undefined) {
  switch (mode) {
    case 'legacy':
      // a switch without the named case
      // ruleid: conformance-switch-any-case
      // ok: conformance-switch-named-case
      return { rejectUnauthorized: false, legacy: true };
    default:
      return true;
  }
}

// ok: conformance-switch-any-case, conformance-switch-named-case
export const always = { rejectUnauthorized: false };
