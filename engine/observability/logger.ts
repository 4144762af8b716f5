/**
 * Structured logs (pino, JSON lines on stdout). Callers log ids, types and counts — never
 * variables, form values, headers or bodies — and the redaction list below is the safety net for
 * the usual places such data hides, so a NIK or a name never reaches a log file.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Keys whose values are replaced by "[redacted]" wherever they appear (one level deep or at the top). */
const SENSITIVE = ['variables', 'body', 'headers', 'payload', 'data', 'values', 'password', 'token', 'authorization', 'nik', 'name', 'email', 'to'];

export interface LoggerOptions {
  level?: string;
  /** Component name, e.g. "worker" or "api". */
  name?: string;
  /** Where to write (tests pass a stream); stdout by default. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  // `name` at the top is pino's own logger name, so it is only redacted one level down.
  const paths = SENSITIVE.flatMap((key) => (key === 'name' ? [`*.${key}`] : [key, `*.${key}`]));
  return pino({
    name: options.name ?? 'alur',
    level: options.level ?? 'info',
    redact: { paths, censor: '[redacted]' },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  }, options.destination as pino.DestinationStream | undefined);
}

/** An error as loggable fields: its class and message, cut short; never the data it carried. */
export function errorFields(err: unknown): { err: { type: string; message: string } } {
  const e = err as Error;
  return { err: { type: e?.name ?? typeof err, message: String(e?.message ?? err).slice(0, 300) } };
}
