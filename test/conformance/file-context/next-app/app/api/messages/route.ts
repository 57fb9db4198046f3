import { formatDate } from '../../../lib/format';

export async function GET(): Promise<Response> {
  return Response.json({ at: formatDate(new Date()) });
}
// a Next.js route handler by its path: server
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
