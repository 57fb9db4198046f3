export function describeEnvelope(id: string): string {
  return `envelope ${id}`;
}
// the api and web packages both import it (through the workspace): shared, runs on both
// ruleid: context-server, context-client, context-shared
// ok: context-unknown
marker();
