import { openEnvelope } from './envelopes';

openEnvelope('x');
// no server import of its own, but its package depends on express: server
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
