import * as Sentry from '@sentry/react';

export const track = {
  failure(reason: string, extra: Record<string, unknown>) {
    Sentry.captureMessage(reason, { extra });
  },
};
