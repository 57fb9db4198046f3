// The app's HTTP helper: a wrapper around fetch.
export const api = {
  async post(path: string, body: unknown): Promise<Response> {
    return fetch(`/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  },
};

export function putJson(path: string, body: unknown): Promise<Response> {
  return api.post(path, body);
}
