/**
 * A diagram-js `translate` service with Alur's own Indonesian dictionaries. Replaces bpmn-js's
 * default (English, placeholder filling only); with English chosen it only fills placeholders.
 * It must keep the same signature as diagram-js's translate(template, replacements).
 */
import { currentLang } from './lang.js';
import { modelingId } from './bpmn-id-modeling.js';
import { panelId } from './bpmn-id-panel.js';
import { tooltipId } from './bpmn-id-tooltips.js';
import { libraryId, lintMessageId } from './bpmn-id-library.js';

const indonesian: Record<string, string> = { ...modelingId, ...panelId, ...tooltipId, ...libraryId };
// The panel header names types in title case ("Start Event"); the palette in sentence case.
const byLowerCase = new Map(Object.entries(indonesian).map(([english, text]) => [english.toLowerCase(), text]));

export function translate(template: string, replacements: Record<string, string> = {}): string {
  const text = currentLang() === 'id' ? indonesian[template] ?? byLowerCase.get(template.toLowerCase()) ?? lintMessageId(template) ?? template : template;
  return text.replace(/{([^}]+)}/g, (match, key: string) => (key in replacements ? replacements[key] : match));
}

export default { translate: ['value', translate] };
