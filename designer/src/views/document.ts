/**
 * The diagram being edited, kept across page re-renders (a language switch rebuilds the modeler):
 * its latest XML, where it came from, and whether it changed since it was opened or deployed.
 */
export interface DiagramDocument {
  xml: string | null;
  /** Shown above the canvas: "new diagram", "file: x.bpmn" or "key — version n". */
  title: string | null;
  /** The deployed definition it was opened from or last deployed as. */
  definitionId: string | null;
  dirty: boolean;
}

export const diagram: DiagramDocument = { xml: null, title: null, definitionId: null, dirty: false };
