/**
 * Not an import: a documentation example.
 * import express from 'express';
 */
// const app = require('express')();
export const documented = true;
// imports in comments are not imports
// ruleid: context-unknown
// ok: context-server, context-client, context-shared
marker();
