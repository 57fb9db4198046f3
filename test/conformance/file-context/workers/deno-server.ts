Deno.serve((_request: Request) => new Response('ok'));
// Deno.serve: a Deno server
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
