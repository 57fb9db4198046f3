export function newId(): string {
  return Math.random().toString(36);
}
// in a folder named shared, and no scanned code imports it: shared, run by neither side
// ruleid: context-shared
// ok: context-server, context-client, context-unknown
marker();
