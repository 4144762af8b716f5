/**
 * An incident's message as catalog text (catalog/incidents.ts): its kind's wording filled with the
 * numbers and names the core handed (`params`) and the English message as `detail`. A row from
 * before params were kept, of a kind whose wording needs them, says "Insiden: …" around its English.
 */
import { catalog, type MessageKey } from './catalog/index.js';
import { text, type Text } from './text.js';

export function incidentText(type: string, message: string, params?: Record<string, string | number> | null): Text {
  const key = `incident.${type}`;
  const entry = catalog[key];
  if (!entry || (!params && entry.en !== '{detail}')) return text('incident.recorded', { detail: message });
  return text(key as MessageKey, { ...params, detail: message });
}
