import express from 'express';
import session from 'express-session';
import cookieSession from 'cookie-session';
import cookieParser from 'cookie-parser';
import Koa from 'koa';
import { session as appSession } from './session';

const app = express();
const SESSION_SECRET = 'keyboard cat';

// ruleid: session-hardcoded-secret
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }));

// ruleid: session-hardcoded-secret
app.use(session({ secret: SESSION_SECRET, cookie: { secure: true } }));

// ruleid: session-hardcoded-secret
app.use(session({ secret: [process.env.NEW_SECRET!, 'old-hardcoded-secret'] }));

// ruleid: session-hardcoded-secret
app.use(cookieSession({ name: 'session', keys: ['key1', 'key2'], maxAge: 24 * 60 * 60 * 1000 }));

// ruleid: session-hardcoded-secret
app.use(cookieParser('cookie-signing-secret'));

const koa = new Koa();
// ruleid: session-hardcoded-secret
koa.keys = ['im a newer secret', 'i like turtle'];

// --- negatives ---

// ok: session-hardcoded-secret
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

// ok: session-hardcoded-secret
app.use(cookieSession({ name: 'session', keys: [process.env.COOKIE_KEY!] }));

// ok: session-hardcoded-secret
app.use(cookieParser());

// ok: session-hardcoded-secret
app.use(appSession({ secret: 'this is our own wrapper, not express-session' }));

const other = { keys: ['a', 'b'] };
// ok: session-hardcoded-secret
other.keys = ['c', 'd'];
