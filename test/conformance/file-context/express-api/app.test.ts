import { app } from './app';

// a test of server code is server code (and test code)
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker(app);
