import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Annotated fixtures of the conformance suite may be named like tests (a server's app.test.ts).
    exclude: ['test/conformance/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-temp.ts'],
  },
});
