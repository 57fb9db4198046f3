// A client component.
'use client';
import { formatDate } from '../lib/format';

export function Inbox() {
  return <time>{formatDate(new Date())}</time>;
}
// 'use client' after a comment: client
// ruleid: context-client
// ok: context-server, context-shared, context-unknown
marker();
