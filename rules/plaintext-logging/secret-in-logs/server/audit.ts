import * as Sentry from '@sentry/node';

export function audit(action: string, details: Record<string, unknown>): void {
  Sentry.addBreadcrumb({ category: 'audit', message: action, data: details });
}
