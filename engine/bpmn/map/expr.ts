/**
 * Camunda 8 attribute values → model expressions: a value starting with `=` is FEEL (stored
 * without the `=`), anything else is a literal. Never evaluates anything.
 */
import type { Expr } from '../../core/model.js';

export function toExpr(text: string, numeric = false): Expr {
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) return { feel: trimmed.slice(1).trim() };
  if (numeric && /^-?\d+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  return { value: text };
}

export function optionalExpr(text: string | undefined, numeric = false): Expr | undefined {
  return text === undefined || text.trim() === '' ? undefined : toExpr(text, numeric);
}

/** FEEL source of a condition-like text: the `=` marker is optional there. */
export function feelSource(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}
