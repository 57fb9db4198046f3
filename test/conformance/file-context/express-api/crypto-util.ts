export function unwrap(name: string): string {
  return name;
}
// imported by keys.service.ts, which only server code imports: server
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
