/**
 * Per-type concurrency and rate limits (`ALUR_QUEUE_LIMITS`), e.g. a national NIK check that
 * allows 10 calls a second: `{"nik-check":{"concurrency":2,"max":10,"durationMs":1000}}`.
 * Parsing fails loudly with the offending type, so a typo does not silently run unlimited.
 */
export interface TypeLimit {
  /** Jobs of this type one worker process runs at the same time. */
  concurrency: number;
  /** At most `max` jobs per `durationMs`, across all worker processes (BullMQ's queue limiter). */
  max?: number;
  durationMs?: number;
}

export type TypeLimits = Record<string, TypeLimit>;

export function parseTypeLimits(text: string | undefined, defaultConcurrency: number): (type: string) => TypeLimit {
  const table: TypeLimits = {};
  if (text && text.trim()) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new Error(`ALUR_QUEUE_LIMITS is not JSON: ${(err as Error).message}`, { cause: err });
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('ALUR_QUEUE_LIMITS must be an object of task type → { concurrency, max, durationMs }');
    for (const [type, value] of Object.entries(raw as Record<string, unknown>)) table[type] = checkLimit(type, value, defaultConcurrency);
  }
  return (type) => table[type] ?? { concurrency: defaultConcurrency };
}

function positiveInt(type: string, name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`ALUR_QUEUE_LIMITS.${type}.${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return value as number;
}

function checkLimit(type: string, value: unknown, defaultConcurrency: number): TypeLimit {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`ALUR_QUEUE_LIMITS.${type} must be an object`);
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).filter((k) => !['concurrency', 'max', 'durationMs'].includes(k));
  if (unknown.length) throw new Error(`ALUR_QUEUE_LIMITS.${type} has unknown fields: ${unknown.join(', ')}`);
  const max = positiveInt(type, 'max', v.max);
  const durationMs = positiveInt(type, 'durationMs', v.durationMs);
  if ((max === undefined) !== (durationMs === undefined)) throw new Error(`ALUR_QUEUE_LIMITS.${type} needs both max and durationMs for a rate limit`);
  return { concurrency: positiveInt(type, 'concurrency', v.concurrency) ?? defaultConcurrency, ...(max ? { max, durationMs } : {}) };
}
