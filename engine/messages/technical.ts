/** Words of a library that Alur has no text for, marked as such ("rincian teknis: …") so an Indonesian sentence says what they are. */
import { text, type Text } from './text.js';
import type { MessageKey } from './catalog/index.js';

/** A library's messages Alur has words for: a pattern of its English and the catalog key that says it. */
export type Shapes = readonly (readonly [RegExp, MessageKey])[];

/** The catalog text of the first shape `message` has; else `detail` (the message) marked as technical. */
export function shapedText(message: string, shapes: Shapes, detail = message): Text {
  const shape = shapes.find(([re]) => re.test(message));
  return shape ? text(shape[1]) : technicalText(detail);
}

export function technicalText(err: unknown): Text {
  return text('technical.detail', { detail: err instanceof Error ? err.message : String(err) });
}
