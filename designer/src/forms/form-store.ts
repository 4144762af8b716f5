/**
 * The form-js schemas that belong to the diagram being edited, keyed by their `id` (the formId a
 * user task's zeebe:formDefinition names). Lives in memory with the diagram: a new or opened
 * diagram starts empty; imported `.form` files and the form editor fill it; deploy sends them.
 */
export type FormSchema = { id: string; type?: string; components?: unknown[]; [field: string]: unknown };

const forms = new Map<string, FormSchema>();

export function clearForms(): void {
  forms.clear();
}

export function getForm(formId: string): FormSchema | undefined {
  return forms.get(formId);
}

export function putForm(schema: FormSchema): void {
  forms.set(schema.id, schema);
}

export function allForms(): FormSchema[] {
  return [...forms.values()];
}

/** Parses a `.form` file; a form without an id cannot be linked and is refused. */
export function parseFormFile(text: string): FormSchema {
  const schema = JSON.parse(text) as FormSchema;
  if (!schema || typeof schema !== 'object' || typeof schema.id !== 'string' || !schema.id) {
    throw new Error('a .form file needs a string "id"');
  }
  return schema;
}

/** A blank form-js schema with the given id. */
export function blankForm(formId: string): FormSchema {
  return { id: formId, type: 'default', components: [], exporter: { name: 'Alur Designer', version: '0.1.0' }, schemaVersion: 16 };
}
