import { describeEnvelope } from '@chat/common';

describeEnvelope('y');
// its package depends on react-dom: client
// ruleid: context-client
// ok: context-server, context-shared, context-unknown
marker();
