export async function GET(): Promise<Response> {
  return new Response('ok');
}
// a SvelteKit endpoint
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
