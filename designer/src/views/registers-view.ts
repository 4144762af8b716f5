/**
 * Letter registers (#/register): admins and analysts see every register of the tenant — set up by
 * an admin or used by a document-render task — with its code, unit, format and the last number
 * of each year; an admin sets up or changes a register (an empty field: the task header applies).
 * A refusal is shown as the server worded it, in the page's language.
 */
import type { Session } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { rt } from '../i18n/register-strings.js';
import { listRegisters, putRegister, type LetterRegister } from '../registers-api.js';

const FIELDS = ['name', 'kode', 'unit', 'numberFormat'] as const;

export function mountRegisters(container: HTMLElement, session: Session): { destroy(): void } {
  const admin = session.user.roles.includes('admin') || session.user.roles.includes('platform-admin');
  const message = h('p', { className: 'form-ok', role: 'status', 'data-testid': 'registers-message' });
  const say = (text: string, ok = true) => { message.textContent = text; message.className = ok ? 'form-ok' : 'form-error'; };
  const fail = (error: unknown) => say(rt('failed', { detail: error instanceof Error ? error.message : String(error) }), false);

  const body = h('tbody', {});
  const table = h('table', { className: 'table', 'data-testid': 'registers' },
    h('thead', {}, h('tr', {}, h('th', {}, rt('key')), h('th', {}, rt('name')), h('th', {}, rt('kode')), h('th', {}, rt('unit')), h('th', {}, rt('format')), h('th', {}, rt('counters')), admin ? h('th', {}, '') : null)), body);
  const orHeader = (value: string | null) => (value ? h('span', {}, value) : h('span', { className: 'muted' }, rt('fromHeader')));

  function row(r: LetterRegister): HTMLElement {
    const counters = r.counters.length
      ? h('ul', { className: 'plain-list' }, ...r.counters.map((c) => h('li', { 'data-year': String(c.year) }, rt('last', { year: c.year, number: c.lastNumber, count: c.last }))))
      : h('span', { className: 'muted' }, rt('noCounters'));
    return h('tr', { 'data-register': r.key },
      h('td', {}, h('code', {}, r.key)), h('td', {}, r.name ?? '–'), h('td', {}, orHeader(r.kode)), h('td', {}, orHeader(r.unit)),
      h('td', {}, r.numberFormat ? h('code', {}, r.numberFormat) : orHeader(null)), h('td', {}, counters),
      admin ? h('td', {}, h('button', { type: 'button', className: 'btn', 'data-action': 'edit-register', onclick: () => edit(r) }, rt('edit'))) : null);
  }

  async function load(): Promise<void> {
    try {
      const { items } = await listRegisters();
      replaceChildren(body, ...(items.length ? items.map(row) : [h('tr', {}, h('td', { colspan: admin ? 7 : 6, className: 'muted' }, rt('none')))]));
    } catch (error) { fail(error); }
  }

  const key = h('input', { name: 'key', required: true, maxlength: '63', pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]*', placeholder: 'surat-keluar-kesbangpol' });
  const inputs = {
    name: h('input', { name: 'name', maxlength: '200' }),
    kode: h('input', { name: 'kode', maxlength: '50', placeholder: '070' }),
    unit: h('input', { name: 'unit', maxlength: '50', placeholder: 'KESBANGPOL' }),
    numberFormat: h('input', { name: 'numberFormat', maxlength: '200', placeholder: '{seq}/{kode}/{unit}/{yyyy}' }),
  };
  const labels = { name: rt('name'), kode: rt('kode'), unit: rt('unit'), numberFormat: rt('format') };
  const field = (label: string, input: HTMLElement) => h('label', {}, label, input);
  const form = h('form', { className: 'card', 'data-testid': 'register-form' },
    h('h3', {}, rt('formTitle')), h('p', { className: 'muted' }, rt('formHint')),
    field(rt('key'), key), ...FIELDS.map((f) => field(labels[f], inputs[f])),
    h('div', { className: 'actions' }, h('button', { type: 'submit', className: 'btn btn-primary' }, rt('save'))));

  function edit(r: LetterRegister): void {
    key.value = r.key;
    for (const f of FIELDS) inputs[f].value = r[f] ?? '';
    inputs.name.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const change = Object.fromEntries(FIELDS.map((f) => [f, inputs[f].value.trim() || null]));
    const name = key.value.trim();
    void putRegister(name, change).then(async () => {
      say(rt('saved', { key: name }));
      form.reset();
      await load();
    }, fail);
  });

  container.append(h('main', { className: 'page', 'data-testid': 'registers-page' },
    h('h1', {}, rt('title')), h('p', { className: 'lead' }, rt('lead')), message, table,
    admin ? form : h('p', { className: 'muted' }, rt('adminOnly'))));
  void load();
  return { destroy() {} };
}
