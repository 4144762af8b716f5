/**
 * JSON Schemas of request bodies (and the shared shapes of answers) — checked by ajv and
 * published in the OpenAPI document.
 */
const slug = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' };
const name = { type: 'string', minLength: 1, maxLength: 200 };
const variables = { type: 'object', description: 'Process variables (JSON values by name).' };

export const loginBody = {
  type: 'object', additionalProperties: false, required: ['username', 'password'],
  properties: { username: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
};

export const tenantBody = {
  type: 'object', additionalProperties: false, required: ['id', 'name'],
  properties: { id: { ...slug, description: 'Lower-case slug, e.g. semarang.' }, name },
};

/** What a person is called and where they sit (API 1.1); all optional. */
const personFields = {
  displayName: { type: 'string', maxLength: 200 },
  nip: { anyOf: [{ type: 'string', pattern: '^[0-9]{18}$', description: 'NIP: 18 digits.' }, { type: 'null' }] },
  jabatan: { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'null' }] },
  email: { anyOf: [{ type: 'string', maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' }, { type: 'null' }] },
};

export const userBody = {
  type: 'object', additionalProperties: false, required: ['username', 'password', 'roles'],
  properties: {
    username: { type: 'string', pattern: '^[A-Za-z0-9._@-]{1,100}$' },
    password: { type: 'string', minLength: 8, maxLength: 1024 },
    tenant: { anyOf: [slug, { type: 'null' }], description: 'Defaults to the caller\'s tenant.' },
    roles: { type: 'array', minItems: 1, items: { enum: ['platform-admin', 'admin', 'analyst', 'staff'] } },
    groups: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' }, default: [] },
    ...personFields,
  },
};

const groupId = { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' };

export const userPatchBody = {
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: {
    ...personFields,
    roles: { type: 'array', minItems: 1, maxItems: 4, items: { enum: ['platform-admin', 'admin', 'analyst', 'staff'] } },
    groups: { type: 'array', maxItems: 200, items: groupId },
    active: { type: 'boolean' },
    password: { type: 'string', minLength: 8, maxLength: 1024 },
    currentPassword: { type: 'string', minLength: 1, maxLength: 1024 },
  },
};

export const groupBody = {
  type: 'object', additionalProperties: false, required: ['id'],
  properties: { id: groupId, name: { type: 'string', maxLength: 200 }, parent: { anyOf: [groupId, { type: 'null' }] } },
};

export const groupPatchBody = {
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: { name: { type: 'string', maxLength: 200 }, parent: { anyOf: [groupId, { type: 'null' }] } },
};

export const startBody = {
  type: 'object', additionalProperties: false, required: ['processKey'],
  properties: {
    processKey: { type: 'string', minLength: 1, maxLength: 255 },
    version: { type: 'integer', minimum: 1 },
    businessKey: { type: 'string', minLength: 1, maxLength: 255 },
    variables,
  },
};

export const variablesBody = {
  type: 'object', additionalProperties: false, required: ['variables'],
  properties: { variables, reason: { type: 'string', minLength: 1, maxLength: 1000, description: 'Why the person changed them (kept in the history).' } },
};

const elementRef = { type: 'string', minLength: 1, maxLength: 255 };

export const modifyBody = {
  type: 'object', additionalProperties: false,
  properties: {
    terminate: {
      type: 'array', maxItems: 100,
      items: {
        type: 'object', additionalProperties: false, minProperties: 1, description: 'An elementId (every active instance of it), an elementInstanceKey (that one), or both (the key must be an instance of the element).',
        properties: {
          elementId: elementRef,
          elementInstanceKey: { type: 'integer', minimum: 1, description: 'One element instance (GET …/process-instances/{id} elementInstances[].key) instead of every instance of the element.' },
        },
      },
    },
    activate: {
      type: 'array', maxItems: 100,
      items: {
        type: 'object', additionalProperties: false, required: ['elementId'],
        properties: { elementId: elementRef, variables, ancestorKey: { type: 'integer', minimum: 1, description: 'The container instance to activate in, when it runs several times (the refusal lists them).' } },
      },
    },
  },
};

export const migrateBody = {
  type: 'object', additionalProperties: false, required: ['targetDefinitionId', 'mappings'],
  properties: {
    targetDefinitionId: { type: 'string', minLength: 1, maxLength: 64 },
    mappings: { type: 'array', maxItems: 1000, items: { type: 'object', additionalProperties: false, required: ['source', 'target'], properties: { source: elementRef, target: elementRef } } },
  },
};

export const bulkRetryBody = {
  type: 'object', additionalProperties: false,
  properties: {
    processKey: { type: 'string', minLength: 1, maxLength: 255 },
    processDefinitionId: { type: 'string', format: 'uuid' },
    elementId: { type: 'string', minLength: 1, maxLength: 255 },
    type: { type: 'string', minLength: 1, maxLength: 64 },
    processInstanceId: { type: 'string', minLength: 1, maxLength: 255 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
};

export const completeBody = { type: 'object', additionalProperties: false, properties: { variables } };

export const assignBody = {
  type: 'object', additionalProperties: false, required: ['assignee'],
  properties: { assignee: { anyOf: [{ type: 'string', minLength: 1, maxLength: 100 }, { type: 'null' }] } },
};

export const messageBody = {
  type: 'object', additionalProperties: false, required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 255 }, correlationKey: { type: 'string', maxLength: 255 }, variables },
};

export const clockBody = {
  type: 'object', additionalProperties: false, minProperties: 1, maxProperties: 1,
  properties: {
    offset: { type: 'string', pattern: '^-?P', description: 'ISO 8601 duration added to real time, e.g. P3D.' },
    pin: { type: 'string', format: 'date-time', description: 'Instant the clock stands still at.' },
  },
};

export const calendarBody = {
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: {
    zone: { type: 'string', minLength: 1, maxLength: 64, description: 'IANA zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) or offset (+07:00).' },
    weekend: { type: 'array', maxItems: 7, items: { type: 'integer', minimum: 1, maximum: 7 }, description: 'Days off as ISO weekdays, Monday 1 … Sunday 7.' },
  },
};

export const holidayBody = {
  type: 'object', additionalProperties: false, required: ['date', 'name', 'kind'],
  properties: {
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Local date, YYYY-MM-DD.' },
    name,
    kind: { enum: ['national', 'cuti-bersama', 'regional', 'closure'] },
    source: { type: 'string', minLength: 1, maxLength: 300, description: 'The decree the day comes from.' },
  },
};

export const problemSchema = {
  type: 'object', required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, element: { type: 'string' }, message: { type: 'string' } }, required: ['message'] } },
  },
};
