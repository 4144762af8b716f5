/**
 * The OpenAPI 3.1 document, built from the route declarations (engine/api/route.ts) and the
 * same JSON Schemas ajv checks bodies with.
 */
import type { RouteSpec } from './route.js';
import { problemSchema } from './schemas.js';

export function openApiDocument(specs: RouteSpec[], version = '1.0.0'): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    // Instance ids may carry a call-activity suffix (`<uuid>-<key>`) and form ids are free text
    // (form-js `id`); every other id is a UUID.
    const idSchema = (name: string) => (spec.path.startsWith('/api/process-instances/') || name === 'formId' ? { type: 'string' } : { type: 'string', format: 'uuid' });
    const params = [...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: idSchema(m[1]) }));
    const query = (spec.query ?? []).map((q) => ({ name: q.name, in: 'query', required: false, schema: q.schema, ...(q.description ? { description: q.description } : {}) }));
    const responses: Record<string, object> = {};
    for (const [status, description] of Object.entries(spec.responses ?? { 200: 'OK' })) responses[status] = { description };
    responses.default = { description: 'An error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const operation: Record<string, unknown> = {
      summary: spec.summary, tags: [spec.tag], operationId: `${spec.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [...params, ...query], responses,
      ...(spec.access === 'public' ? { security: [] } : {}),
    };
    if (spec.body) operation.requestBody = { required: true, content: { 'application/json': { schema: spec.body } } };
    if (spec.multipart) {
      const schema = typeof spec.multipart === 'object' ? spec.multipart : { type: 'object', additionalProperties: { type: 'string', format: 'binary' }, description: 'One or more .bpmn, .form and .docx (letter template) files, any field name.' };
      operation.requestBody = { required: true, content: { 'multipart/form-data': { schema } } };
    }
    (paths[path] ??= {})[spec.method] = operation;
  }
  paths['/health'] = { get: { summary: 'Liveness and backends', tags: ['operations'], security: [], responses: { 200: { description: '{ status, database, queue }' } } } };
  return {
    openapi: '3.1.0',
    info: { title: 'Alur HTTP API', version, description: 'BPMN workflow engine for Indonesian local governments. Lists are { items, total } with limit/offset; errors are application/problem+json.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Problem: problemSchema } },
    paths,
  };
}
