/**
 * Task headers as connectors see them: a value starting with `=` is FEEL over the task's
 * variables (through the engine's bounded evaluator), anything else is the literal text.
 * A failing expression fails the job with the header's name, never with the variables' values.
 */
import type { FeelEvaluator } from '../../expressions/feel.js';
import { sharedBoundedEvaluator } from '../../expressions/sandbox.js';

export interface HeaderContext {
  feel?: FeelEvaluator;
  now?: () => Date;
}

export type ResolvedHeaders = Record<string, unknown>;

export function resolveHeaders(headers: Record<string, string>, variables: Record<string, unknown>, ctx: HeaderContext): ResolvedHeaders {
  const feel = ctx.feel ?? sharedBoundedEvaluator();
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  const out: ResolvedHeaders = {};
  for (const [name, raw] of Object.entries(headers)) {
    const text = raw.trim();
    if (!text.startsWith('=')) {
      out[name] = raw;
      continue;
    }
    const result = feel.evaluate(text.slice(1), variables, now);
    if (!result.ok) throw new Error(`task header ${name}: ${result.error}`);
    out[name] = result.value;
  }
  return out;
}

/** A header that must be a non-empty string. */
export function requiredText(headers: ResolvedHeaders, name: string, connector: string): string {
  const value = headers[name];
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${connector} connector: task header ${name} is required (a text)`);
  return value;
}

export function optionalText(headers: ResolvedHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
