export async function loadInbox(): Promise<string[]> {
  return [];
}
// *.server.ts modules run on the server
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
