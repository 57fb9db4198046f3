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

// --- OAuth client secrets (Passport strategies and OAuth clients) --------------------

declare const passport: { use(...args: unknown[]): void };
declare class GoogleStrategy {
  constructor(options: object, verify: () => void);
}
declare class TwitterStrategy {
  constructor(options: object, verify: () => void);
}

passport.use(
  new GoogleStrategy(
    {
      clientID: '1234-abc.apps.googleusercontent.com',
      // ruleid: auth-secret-literal-config
      clientSecret: 'GOCSPX-1a2b3c4d5e6f7g8h9i0j',
      callbackURL: '/auth/google/callback',
    },
    () => {},
  ),
);

const githubStrategyOptions = {
  clientID: 'Iv1.0123456789abcdef',
  // ruleid: auth-secret-literal-config
  client_secret: '0123456789abcdef0123456789abcdef01234567',
  callbackURL: '/auth/github/callback',
};
passport.use(new GoogleStrategy(githubStrategyOptions, () => {}));

passport.use(
  new TwitterStrategy(
    {
      consumerKey: 'twitter-consumer-key',
      // ruleid: auth-secret-literal-config
      consumerSecret: 'twitter-consumer-secret-value',
      callbackURL: '/auth/twitter/callback',
    },
    () => {},
  ),
);

passport.use(
  new GoogleStrategy(
    {
      clientID: process.env.GOOGLE_CLIENT_ID,
      // ok: auth-secret-literal-config
      clientSecret: process.env.GOOGLE_CLIENT_SECRET,
      callbackURL: '/auth/google/callback',
    },
    () => {},
  ),
);

export const exampleOAuthConfig = {
  // a placeholder in an example configuration
  // ok: auth-secret-literal-config
  clientSecret: '<your-client-secret>',
  // ok: auth-secret-literal-config
  appSecret: 'your-app-secret',
  // ok: auth-secret-literal-config
  clientSecretHeader: 'x-client-secret',
};
