'use server';

export async function saveDraft(text: string): Promise<string> {
  return text;
}
// 'use server' makes server actions
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
