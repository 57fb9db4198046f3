#!/usr/bin/env node
import { runAction } from './main.js';

// The Action's entry: action.yml runs the bundle of this file (action/index.mjs).
process.exitCode = await runAction({ env: process.env, stdout: process.stdout, cwd: process.cwd() });
