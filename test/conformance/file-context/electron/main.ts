import { app, BrowserWindow } from 'electron';

app.whenReady().then(() => new BrowserWindow());
// Electron's main process runs on the user's machine: client
// ruleid: context-client
// ok: context-server, context-shared, context-unknown
marker();
