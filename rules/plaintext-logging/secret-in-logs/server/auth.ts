// An Express login route: the body's credentials, the env secret, a secret manager.
import express from 'express';
import bcrypt from 'bcrypt';
import pino from 'pino';
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { audit } from './audit';

const logger = pino();
export const router = express.Router();
const jwtSecret = process.env.JWT_SECRET;

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  // ruleid: secret-in-logs
  logger.info({ email, password }, 'login attempt');
  // ok: secret-in-logs
  logger.info({ email }, 'login attempt');
  // ruleid: secret-in-logs
  logger.debug(`body ${JSON.stringify(req.body)}`);
  // ok: secret-in-logs
  logger.debug({ fields: Object.keys(req.body).length, email: req.body.email });
  const hash = await bcrypt.hash(password, 12);
  // ok: secret-in-logs
  logger.debug({ hash }, 'hashed');
  // ruleid: secret-in-logs
  audit('login', { email, pin: req.body.pin });
  res.sendStatus(204);
});

router.post('/password', (req, res) => {
  if (req.body.newPassword !== req.body.confirmPassword) {
    // ruleid: secret-in-logs
    throw new Error(`passwords differ: ${req.body.newPassword}`);
  }
  // ok: secret-in-logs
  console.warn('password change requested');
  res.sendStatus(204);
});

export function startup() {
  // ruleid: secret-in-logs
  console.log('config', { jwtSecret, port: process.env.PORT });
  // ok: secret-in-logs
  console.log('config', { hasJwtSecret: Boolean(jwtSecret), publicKey: process.env.NEXT_PUBLIC_API_KEY, port: process.env.PORT });
  // ruleid: secret-in-logs
  console.log(`db at ${process.env.DATABASE_URL}`);
}

export async function loadSecrets(client: SecretsManagerClient) {
  const result = await client.send(new GetSecretValueCommand({ SecretId: 'prod/stripe' }));
  // ruleid: secret-in-logs
  console.log('loaded', result.SecretString);
}
