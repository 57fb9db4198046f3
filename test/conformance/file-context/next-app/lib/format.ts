export function formatDate(date: Date): string {
  return date.toISOString();
}
// imported by a route handler and a client component: shared
// ruleid: context-server, context-client, context-shared
// ok: context-unknown
marker();
