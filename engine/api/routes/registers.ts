/**
 * Letter registers of the caller's tenant (README "Letters"):
 *   GET /api/letter-registers         every register set up or used, with its counters per year (admins, analysts)
 *   PUT /api/letter-registers/{key}   set up or change one: name, kode, unit, numberFormat (admin) → 201 new, 200 changed
 */
import type { Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import type { RegisterChange } from '../../letters/registers.js';

const nullableText = (max: number, description: string) => ({ type: ['string', 'null'], maxLength: max, description });

export const registerBody = {
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: {
    name: nullableText(200, 'What people call it, e.g. Register surat keluar Kesbangpol.'),
    kode: nullableText(50, 'Classification code for {kode}, e.g. 070; null: the task header applies.'),
    unit: nullableText(50, 'Unit for {unit}, e.g. KESBANGPOL; null: the task header applies.'),
    numberFormat: nullableText(200, 'Number format, e.g. {seq}/{kode}/{unit}/{yyyy} ({seq:N}, {yyyy}, {yy}, {MM}, {dd}, {kode}, {unit}); null: the task header applies.'),
  },
};

export function registerRoutes(r: Routes, deps: RouteDeps): void {
  const { reads, admin } = deps;

  r.add({ method: 'get', path: '/api/letter-registers', tag: 'letters', summary: 'The tenant\'s letter registers (set up by an admin, or used by a document-render task) with their counters per year: { key, name, kode, unit, numberFormat, configured, updatedBy, updatedAt, counters: [{ year, series, last, lastNumber, updatedAt }] } (admins and analysts)' },
    ({ actor }) => reads.letterRegisters(actor));

  r.add<RegisterChange>({ method: 'put', path: '/api/letter-registers/:key', tag: 'letters', body: registerBody, summary: 'Set up or change a letter register (admin): its name, kode, unit and number format win over the document-render task\'s headers; null clears one. Counters are not changed', responses: { 200: 'changed', 201: 'set up', 400: 'a bad key, text or number format' } },
    async ({ req, res, actor, body }) => {
      const { created, register } = await admin.putLetterRegister(actor, String(req.params.key), body);
      if (created) res.status(201);
      return register;
    });
}
