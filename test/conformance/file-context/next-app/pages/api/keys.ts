export default function handler(_req: unknown, res: { json(body: unknown): void }) {
  res.json({});
}
// a Next.js API route by its path: server
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
