export function remember(key: string, value: string): void {
  localStorage.setItem(key, value);
}
// uses the browser global localStorage: client
// ruleid: context-client
// ok: context-server, context-shared, context-unknown
marker();
