import { describeEnvelope } from '@chat/common';

export function openEnvelope(id: string): string {
  return describeEnvelope(id);
}
// imported by main.ts, which its package made server code
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
