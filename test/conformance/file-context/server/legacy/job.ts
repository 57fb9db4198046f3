export function nightly(): void {}
// in a folder named server, imported by nothing: server (weak)
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
