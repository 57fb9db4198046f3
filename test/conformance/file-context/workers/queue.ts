import { Worker } from 'bullmq';

export const worker = new Worker('mail', async () => undefined);
// a BullMQ worker: server
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
