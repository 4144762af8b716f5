/**
 * An incident's message as catalog text (catalog/incidents.ts): its kind's wording filled with the
 * numbers and names the core handed (`params`) and the English message as `detail`. A row from
 * before params were kept, of a kind whose wording needs them, says "Insiden: …" around its English.
 * A job incident from one of Alur's own limits carries `params.text`, the text it reads as.
 */
import { catalog, type MessageKey } from './catalog/index.js';
import { text, type Text } from './text.js';

export function incidentText(type: string, message: string, params?: Record<string, string | number> | null): Text {
  // A job failed by one of Alur's own limits names that limit's text (params.text), not a worker's words.
  const key = `incident.${typeof params?.text === 'string' ? params.text : type}`;
  // A letter template's problem: its own catalog text inside the incident's (catalog/templates.ts).
  if (params?.text === 'template' && typeof params.problem === 'string' && params.problem in catalog) return templateIncident(params);
  const entry = catalog[key];
  if (!entry || (!params && entry.en !== '{detail}')) return text('incident.recorded', { detail: message });
  return text(key as MessageKey, { ...params, detail: message });
}

function templateIncident(params: Record<string, string | number>): Text {
  const { text: _kind, template, problem, ...rest } = params;
  // docxtemplater's loop-too-long names the tag inside its own words; every other problem after the tag.
  const words = text(problem as MessageKey, rest);
  const named = rest.tag !== undefined && problem !== 'template.loop-too-long' ? text('template.at-tag', { tag: `{${rest.tag}}`, problem: words }) : words;
  return text('incident.template', { template, problem: named });
}
