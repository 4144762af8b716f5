/**
 * Shows a refused deployment's `errors[].element` on the diagram: a red marker and an overlay
 * with the server's message on each offending element. Cleared on the next edit or deployment,
 * so a stale server verdict never sits on a diagram that has changed since.
 */
import { translate } from '../i18n/translate-module.js';
import type { Modeler } from './create-modeler.js';

const OVERLAY_TYPE = 'alur-server-error';
const MARKER = 'alur-server-error';

/** `detail`: the finding without naming its element (servers before it sent `message` only). */
export interface ElementError { element?: string; message: string; detail?: string }

export function showServerErrors(modeler: Modeler, errors: ElementError[]): ElementError[] {
  clearServerErrors(modeler);
  const registry: any = modeler.get('elementRegistry');
  const canvas: any = modeler.get('canvas');
  const overlays: any = modeler.get('overlays');
  const unplaced: ElementError[] = [];
  for (const error of errors) {
    const element = error.element ? registry.get(error.element) : undefined;
    if (!element || !element.parent) {
      unplaced.push(error);
      continue;
    }
    canvas.addMarker(element, MARKER);
    const note = document.createElement('div');
    note.className = 'alur-server-error-note';
    const text = noteText(error);
    note.textContent = text;
    note.title = text;
    // Connections get the note at their start, shapes just below themselves.
    const position = element.waypoints ? { top: -22, left: 8 } : { bottom: -4, left: 0 };
    overlays.add(element, OVERLAY_TYPE, { position, html: note });
  }
  return unplaced;
}

export function clearServerErrors(modeler: Modeler): void {
  const registry: any = modeler.get('elementRegistry');
  const canvas: any = modeler.get('canvas');
  (modeler.get('overlays') as any).remove({ type: OVERLAY_TYPE });
  for (const element of registry.getAll()) canvas.removeMarker(element, MARKER);
}

/** What the note on the element says: the server's `detail`, or its message without the element's name. */
export function noteText(error: ElementError): string {
  return error.detail || withoutElementPrefix(translate(error.message));
}

/** Engine messages start with "type id: "; on the element itself that prefix only repeats it. */
export function withoutElementPrefix(message: string): string {
  return message.replace(/^[a-zA-Z]+ [^\s:]+: /, '');
}
