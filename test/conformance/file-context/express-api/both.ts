export function formatMessage(text: string): string {
  return text.trim();
}
// imported by app.ts (server) and ../web/chat.tsx (client): shared, runs on both
// ruleid: context-server, context-client, context-shared
// ok: context-unknown
marker();
