export default {
  async fetch(request: Request): Promise<Response> {
    return new Response(request.url);
  },
};
// its package has wrangler.toml: a Cloudflare Worker
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
