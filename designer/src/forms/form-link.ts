/**
 * The link between a user task (or the process's none start event) and its form:
 * `zeebe:formDefinition formId` in its extension elements, as Camunda 8 writes it. Changes go through bpmn-js `modeling`, so they are
 * undoable and the properties panel shows them at once.
 */
import type { Modeler } from '../modeler/create-modeler.js';

const isType = (bo: any, type: string) => bo && typeof bo.$instanceOf === 'function' && bo.$instanceOf(type);

function formDefinitionOf(bo: any): any {
  return (bo.extensionElements?.values ?? []).find((value: any) => isType(value, 'zeebe:FormDefinition'));
}

export function isUserTask(element: any): boolean {
  return !!element && isType(element.businessObject, 'bpmn:UserTask');
}

/** A user task, or the process's none start event (its form is the start form a case begins with). */
export function hasForm(element: any): boolean {
  const bo = element?.businessObject;
  if (isUserTask(element)) return true;
  return isType(bo, 'bpmn:StartEvent') && !(bo.eventDefinitions ?? []).length && isType(bo.$parent, 'bpmn:Process');
}

export function formIdOf(element: any): string | undefined {
  return formDefinitionOf(element.businessObject)?.formId || undefined;
}

/** Every formId referenced by a user task or start event of the diagram. */
export function referencedFormIds(modeler: Modeler): string[] {
  const registry: any = modeler.get('elementRegistry');
  const ids = new Set<string>();
  for (const element of registry.getAll()) {
    const formId = element.businessObject && formDefinitionOf(element.businessObject)?.formId;
    if (formId) ids.add(formId);
  }
  return [...ids];
}

/** Points the user task (or start event) at `formId`, creating the extension elements it needs. */
export function linkForm(modeler: Modeler, element: any, formId: string): void {
  const modeling: any = modeler.get('modeling');
  const moddle: any = modeler.get('moddle');
  const bo = element.businessObject;
  let extensionElements = bo.extensionElements;
  if (!extensionElements) {
    extensionElements = moddle.create('bpmn:ExtensionElements', { values: [] });
    modeling.updateProperties(element, { extensionElements });
  }
  const existing = formDefinitionOf(bo);
  if (existing) {
    modeling.updateModdleProperties(element, existing, { formId, formKey: undefined, externalReference: undefined });
    return;
  }
  const definition = moddle.create('zeebe:FormDefinition', { formId });
  definition.$parent = extensionElements;
  modeling.updateModdleProperties(element, extensionElements, { values: [...extensionElements.values, definition] });
}

/** A formId for a task that has none yet: readable and unique within the tenant's forms. */
export function suggestFormId(modeler: Modeler, element: any): string {
  const definitions: any = (modeler as any).getDefinitions();
  const process = (definitions.rootElements ?? []).find((root: any) => isType(root, 'bpmn:Process'));
  const base = `${process?.id ?? 'proses'}-${element.id}`;
  return base.replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase();
}
