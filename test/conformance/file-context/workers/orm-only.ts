import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();
// only weak evidence (an ORM) and no importer: server
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
