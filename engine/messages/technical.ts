/** Words of a library that Alur has no text for, marked as such ("rincian teknis: …") so an Indonesian sentence says what they are. */
import { text, type Text } from './text.js';

export function technicalText(err: unknown): Text {
  return text('technical.detail', { detail: err instanceof Error ? err.message : String(err) });
}
