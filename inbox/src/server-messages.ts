/**
 * Puts the server's form-validation messages (engine/forms/messages.ts, English unless asked
 * otherwise) into Indonesian. The English templates are turned into patterns once, so the
 * inbox reads exactly what the server writes and follows its wording as it changes; the
 * Indonesian comes from the same file. Pure.
 */
import { formatMessage, type MessageParams } from '../../engine/forms/messages.js';

interface Known { pattern: RegExp; code: string; params: (m: RegExpMatchArray) => MessageParams }

const FIELD = '\u0001';
const LIMIT = '\u0002';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function known(code: string, extra: Partial<MessageParams> = {}, withLimit = false): Known {
  const english = formatMessage(code, { field: FIELD, limit: withLimit ? LIMIT : extra.limit, expected: extra.expected }, 'en');
  const order: ('field' | 'limit')[] = [];
  const source = escape(english).replace(new RegExp(`${FIELD}|${LIMIT}`, 'g'), (marker) => {
    order.push(marker === FIELD ? 'field' : 'limit');
    return '(.+?)';
  });
  return {
    pattern: new RegExp(`^${source}$`),
    code,
    params: (m) => {
      const params: MessageParams = { field: '', ...extra };
      order.forEach((name, i) => { params[name] = m[i + 1]; });
      return params;
    },
  };
}

// More specific templates first: "at least 5 characters long" before "at least 5".
const KNOWN: Known[] = [
  known('required'), known('minLength', {}, true), known('maxLength', {}, true), known('minimum', {}, true), known('maximum', {}, true),
  known('pattern'), known('email'), known('phone'), known('date'), known('time'), known('datetime'), known('enum'),
  known('decimalDigits', { limit: 0 }), known('decimalDigits', {}, true), known('increment', {}, true), known('pastDate'),
  known('readonly'), known('unknown'), known('form'),
  ...['text', 'number', 'boolean', 'list', 'object', 'date', 'value'].map((expected) => known('type', { expected })),
];

/** The Indonesian wording of a server message, or null when it is not one of the server's templates. */
export function serverMessageInIndonesian(message: string): string | null {
  for (const entry of KNOWN) {
    const match = message.match(entry.pattern);
    if (match) return formatMessage(entry.code, entry.params(match), 'id');
  }
  return null;
}
