// The team's logging helper, re-exported through an index: a sink two modules away.
import pino from 'pino';

const base = pino({ level: 'debug' });

export function diagnostic(event: string, details: unknown): void {
  base.debug({ details }, event);
}

export const reportProblem = (message: string, context: Record<string, unknown>) => {
  throw new Error(`${message}: ${JSON.stringify(context)}`);
};
