/**
 * Validation messages of submitted form values, as catalog text (engine/messages/catalog/
 * form-values.ts, Indonesian and English side by side): the server renders them in the reader's
 * language when the answer leaves it. Every message names the field by its label (or its key when
 * the label is missing or computed) so a clerk reading the inbox knows what to fix. Codes are
 * stable and part of the API's error entries; wording may improve.
 */
import { render, text, type MessageKey, type Text } from '../messages/index.js';
import type { MessageLanguage } from './types.js';

export interface MessageParams {
  field: string;
  limit?: number | string;
  expected?: string;
  custom?: string;
}

const CODES = new Set([
  'required', 'type', 'minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'email', 'phone', 'date', 'time', 'datetime',
  'enum', 'decimalDigits', 'increment', 'pastDate', 'readonly', 'unknown', 'form',
]);
const EXPECTED = new Set(['text', 'number', 'boolean', 'list', 'object', 'date', 'value']);

/** The message for `code` as catalog text; a form's own `patternErrorMessage` wins for pattern failures. */
export function formText(code: string, params: MessageParams): Text {
  if (code === 'pattern' && params.custom) return text('form-value.custom', { message: params.custom });
  const key = (CODES.has(code) ? `form-value.${code}` : 'form-value.type') as MessageKey;
  const expected = EXPECTED.has(params.expected ?? '') ? params.expected! : 'value';
  return text(key, { field: params.field, limit: params.limit, expected: text(`form-value.expected.${expected}` as MessageKey) });
}

/** The message for `code` written in `language`. */
export function formatMessage(code: string, params: MessageParams, language: MessageLanguage = 'en'): string {
  return render(formText(code, params), language);
}
