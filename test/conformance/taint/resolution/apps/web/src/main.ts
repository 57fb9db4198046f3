import { sessionSecret } from '@acme/keys';
import { audit } from '@lib/audit';

// Through a workspace package (its dist entry falls back to src) into a wrapper found by tsconfig paths.
// ruleid: taint-resolution
audit('session', sessionSecret());
// ok: taint-resolution
audit('session', 'none');
