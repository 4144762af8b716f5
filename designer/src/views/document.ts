/**
 * The diagram being edited, kept across page re-renders (a language switch rebuilds the modeler):
 * its latest XML, where it came from, and whether it changed since it was opened or deployed.
 */
import type { UiKey } from '../i18n/ui-strings.js';

/** A title as a UI string key and its values, so it follows a language switch. */
export type DocTitle = { key: UiKey; values?: Record<string, string | number> };

export interface DiagramDocument {
  xml: string | null;
  /** Shown above the canvas: "new diagram", "file: x.bpmn" or "name — version n". */
  title: DocTitle | null;
  /** The deployed definition it was opened from or last deployed as. */
  definitionId: string | null;
  dirty: boolean;
}

export const diagram: DiagramDocument = { xml: null, title: null, definitionId: null, dirty: false };
