import type { Request } from 'express';

export type Handler = (request: Request) => void;
// type-only imports are evidence of the framework too
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
