import express from 'express';
import { loadKeys } from './keys.service';
import { formatMessage } from './both';

export const app = express();
app.get('/keys', async (_req, res) => res.json(await loadKeys(formatMessage('x'))));
// imports express: server
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
