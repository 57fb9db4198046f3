import { useState } from 'react';
import { formatMessage } from '../express-api/both';

export function Chat() {
  const [text] = useState(formatMessage(''));
  return <p>{text}</p>;
}
// imports react: client
// ruleid: context-client
// ok: context-server, context-shared, context-unknown
marker();
