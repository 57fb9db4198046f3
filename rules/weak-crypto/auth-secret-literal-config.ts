const JWT_SECRET_FROM_ENV = process.env.JWT_SECRET;

export default {
  port: 3000,
  // ruleid: auth-secret-literal-config
  jwtSecret: 'mysecrettoken',
  // ruleid: auth-secret-literal-config
  sessionSecret: 'keyboard cat',
  auth: {
    // ruleid: auth-secret-literal-config
    accessTokenSecret: 'access-token-secret-2023',
    // ok: auth-secret-literal-config
    refreshTokenSecret: JWT_SECRET_FROM_ENV,
  },
};

// ruleid: auth-secret-literal-config
export const JWT_SECRET = 'a-string-secret-at-least-256-bits-long';

export const passportOptions = {
  // ruleid: auth-secret-literal-config
  secretOrKey: 'secret',
};

export function configure(settings: { cookieSecret?: string }) {
  // ruleid: auth-secret-literal-config
  settings.cookieSecret = 'cookie-secret';
}

// --- negatives ---

export const envNames = {
  // ok: auth-secret-literal-config
  jwtSecret: 'JWT_SECRET',
};

export const storageKeys = {
  // ok: auth-secret-literal-config
  tokenKey: 'auth_token',
  // ok: auth-secret-literal-config
  sessionKey: 'user-session',
};

// ok: auth-secret-literal-config
export const SECRET_HEADER = 'x-secret';

export const fromEnv = {
  // ok: auth-secret-literal-config
  jwtSecret: process.env.JWT_SECRET,
  // ok: auth-secret-literal-config
  sessionSecret: '',
};
