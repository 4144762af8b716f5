/**
 * ISO 8601 checks for literal timer values: durations (`P1DT2H`), dates (`2025-01-31T09:00:00Z`)
 * and cycles (`R3/PT10M`, `R/PT1H`, `R2/2025-01-31T09:00:00Z/P1D`). Returns a message or undefined.
 */

const DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?(\[[A-Za-z_/+-]+\])?$/;

export function durationError(text: string): string | undefined {
  return DURATION.test(text) ? undefined : `"${text}" is not an ISO 8601 duration (e.g. PT15M, P3D)`;
}

export function dateError(text: string): string | undefined {
  if (!DATE_TIME.test(text)) return `"${text}" is not an ISO 8601 date-time (e.g. 2025-01-31T09:00:00Z)`;
  const [date, time] = text.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map((s) => Number.parseInt(s, 10));
  const calendar = new Date(Date.UTC(y, m - 1, d));
  const valid = calendar.getUTCMonth() === m - 1 && calendar.getUTCDate() === d && hh < 24 && mm < 60;
  return valid ? undefined : `"${text}" is not a valid calendar date-time`;
}

export function cycleError(text: string): string | undefined {
  const parts = text.split('/');
  if (!/^R\d*$/.test(parts[0]) || parts.length < 2 || parts.length > 3) {
    return `"${text}" is not an ISO 8601 repeating interval (e.g. R3/PT10M)`;
  }
  const rest = parts.slice(1);
  const durations = rest.filter((p) => p.startsWith('P'));
  if (durations.length !== 1) return `"${text}" needs exactly one duration (e.g. R3/PT10M)`;
  for (const part of rest) {
    const error = part.startsWith('P') ? durationError(part) : dateError(part);
    if (error) return `in cycle "${text}": ${error}`;
  }
  return undefined;
}
