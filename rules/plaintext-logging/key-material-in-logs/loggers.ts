// One key, every kind of log, error and telemetry sink; and loggers that redact.
import crypto from 'node:crypto';
import util from 'node:util';
import winston from 'winston';
import pino from 'pino';
import bunyan from 'bunyan';
import log4js from 'log4js';
import log from 'loglevel';
import { consola } from 'consola';
import createDebug from 'debug';
import { Logger } from '@nestjs/common';
import * as Sentry from '@sentry/browser';
import { captureMessage } from '@sentry/node';
import { trace } from '@opentelemetry/api';
import { datadogLogs } from '@datadog/browser-logs';
import posthog from 'posthog-js';
import type { FastifyInstance } from 'fastify';

const { privateKey } = crypto.generateKeyPairSync('ed25519');
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const logger = winston.createLogger({ level: 'debug' });
const pinoLogger = pino();
const redacted = pino({ redact: ['key', '*.key'] });
const bunyanLog = bunyan.createLogger({ name: 'keys' });
const appLog = log4js.getLogger('keys');
const debug = createDebug('keys');
const debugLog = util.debuglog('keys');

export function loggers() {
  // ruleid: key-material-in-logs
  logger.info('created', { pem });
  // ruleid: key-material-in-logs
  pinoLogger.child({ module: 'keys' }).debug({ pem }, 'created');
  // ruleid: key-material-in-logs
  bunyanLog.info({ pem });
  // ruleid: key-material-in-logs
  appLog.debug(pem);
  // ruleid: key-material-in-logs
  log.warn(pem);
  // ruleid: key-material-in-logs
  consola.info(pem);
  // ruleid: key-material-in-logs
  debug('key %s', pem);
  // ruleid: key-material-in-logs
  debugLog('key %s', pem);
  // ruleid: key-material-in-logs
  process.stderr.write(pem);
  // A logger made with `redact` scrubs what it logs.
  // ok: key-material-in-logs
  redacted.info({ key: pem });
}

export class KeyService {
  private readonly logger = new Logger(KeyService.name);

  rotate() {
    // ruleid: key-material-in-logs
    this.logger.log(`rotated to ${pem}`);
    // ruleid: key-material-in-logs
    Logger.debug(pem, 'KeyService');
  }
}

export function routes(app: FastifyInstance) {
  app.post('/keys', async (request) => {
    // ruleid: key-material-in-logs
    request.log.info({ pem }, 'key');
    // ruleid: key-material-in-logs
    app.log.warn(pem);
    return {};
  });
}

export function errors() {
  if (pem.length < 100) {
    // ruleid: key-material-in-logs
    throw new Error(`key too short: ${pem}`);
  }
  // ruleid: key-material-in-logs
  return Promise.reject(new TypeError('bad key ' + pem));
}

export function telemetry() {
  // ruleid: key-material-in-logs
  Sentry.captureMessage(`key ${pem}`);
  // ruleid: key-material-in-logs
  Sentry.setExtra('key', pem);
  // ruleid: key-material-in-logs
  captureMessage(pem);
  Sentry.withScope((scope) => {
    // ruleid: key-material-in-logs
    scope.setContext('crypto', { pem });
  });
  // ruleid: key-material-in-logs
  trace.getActiveSpan()?.setAttribute('key', pem);
  // ruleid: key-material-in-logs
  datadogLogs.logger.info('key', { pem });
  // ruleid: key-material-in-logs
  posthog.capture('key_created', { pem });
}
