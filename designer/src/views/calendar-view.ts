/**
 * The working-day calendar (#/kalender): every user sees the tenant's zone, weekly days off and a
 * year's holidays with their kind and decree; admins add a holiday (a regional one, extra cuti
 * bersama, an election day declared at short notice) or remove one. The server re-plans pending
 * deadlines before it answers; a refusal is shown as the server worded it, in the page's language.
 */
import type { Session } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { ct, formatDay } from '../i18n/calendar-strings.js';
import { currentLang } from '../i18n/lang.js';
import { attachDatePicker } from '../../../ui-shared/date-picker.js';
import { addHoliday, readCalendar, removeHoliday, type HolidayKind } from '../calendar-api.js';

const KINDS: HolidayKind[] = ['regional', 'cuti-bersama', 'national', 'closure'];

export function mountCalendar(container: HTMLElement, session: Session): { destroy(): void } {
  const admin = session.user.roles.includes('admin');
  const message = h('p', { className: 'form-ok', role: 'status', 'data-testid': 'calendar-message' });
  const say = (text: string, ok = true) => { message.textContent = text; message.className = ok ? 'form-ok' : 'form-error'; };
  const fail = (error: unknown) => say(ct('failed', { detail: error instanceof Error ? error.message : String(error) }), false);

  const thisYear = new Date().getFullYear();
  const year = h('select', { 'aria-label': ct('year'), 'data-testid': 'calendar-year' },
    ...[thisYear - 1, thisYear, thisYear + 1].map((y) => h('option', { value: String(y), selected: y === thisYear }, String(y))));
  const facts = h('p', { className: 'muted', 'data-testid': 'calendar-facts' });
  const heading = h('h2', {});
  const body = h('tbody', {});
  const table = h('table', { className: 'table', 'data-testid': 'holidays' },
    h('thead', {}, h('tr', {}, h('th', {}, ct('date')), h('th', {}, ct('name')), h('th', {}, ct('kind')), h('th', {}, ct('source')), admin ? h('th', {}, '') : null)), body);

  async function load(): Promise<void> {
    const y = year.value;
    try {
      const cal = await readCalendar(`${y}-01-01`, `${y}-12-31`);
      facts.textContent = `${ct('zone', { zone: cal.zone })} · ${ct('weekend', { days: cal.weekend.map((d) => ct(`day_${d}` as never)).join(', ') })}`;
      heading.textContent = ct('holidaysOf', { year: y });
      replaceChildren(body, ...(cal.holidays.length ? cal.holidays.map((d) => h('tr', { 'data-date': d.date },
        h('td', {}, formatDay(d.date)), h('td', {}, d.name), h('td', {}, h('span', { className: `badge kind-${d.kind}` }, ct(`kind_${d.kind}` as never))),
        h('td', { className: 'muted' }, d.source ?? '–'),
        admin ? h('td', {}, h('button', { type: 'button', className: 'btn', 'data-action': 'remove-holiday', onclick: () => void remove(d.date) }, ct('remove'))) : null)) : [h('tr', {}, h('td', { colspan: admin ? 5 : 4, className: 'muted' }, ct('none')))]));
    } catch (error) { fail(error); }
  }

  async function remove(date: string): Promise<void> {
    try {
      await removeHoliday(date);
      say(ct('removed', { date: formatDay(date) }));
      await load();
    } catch (error) { fail(error); }
  }

  // A day-first picker in the page's language (a native date input follows the browser: 12/31/2026).
  const date = h('input', { name: 'date', required: true });
  const name = h('input', { name: 'name', required: true, maxlength: '200' });
  const kind = h('select', { name: 'kind' }, ...KINDS.map((k) => h('option', { value: k }, ct(`kind_${k}` as never))));
  const source = h('input', { name: 'source', maxlength: '300' });
  const field = (label: string, input: HTMLElement) => h('label', {}, label, input);
  const form = h('form', { className: 'card', 'data-testid': 'add-holiday' },
    h('h3', {}, ct('addTitle')), h('p', { className: 'muted' }, ct('addHint')),
    field(ct('date'), date), field(ct('name'), name), field(ct('kind'), kind), field(ct('source'), source),
    h('div', { className: 'actions' }, h('button', { type: 'submit', className: 'btn btn-primary' }, ct('add'))));
  const picker = attachDatePicker(date, currentLang());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const holiday = { date: date.value, name: name.value.trim(), kind: kind.value as HolidayKind, ...(source.value.trim() ? { source: source.value.trim() } : {}) };
    void addHoliday(holiday).then(async () => {
      say(ct('added', { name: holiday.name, date: formatDay(holiday.date) }));
      if (holiday.date.slice(0, 4) !== year.value) year.value = holiday.date.slice(0, 4);
      form.reset();
      await load();
    }, fail);
  });

  year.addEventListener('change', () => void load());
  container.append(h('main', { className: 'page', 'data-testid': 'calendar-page' },
    h('h1', {}, ct('title')), h('p', { className: 'lead' }, ct('lead')), facts, message,
    h('div', { className: 'toolbar' }, h('label', {}, `${ct('year')} `, year)),
    heading, table,
    admin ? form : h('p', { className: 'muted' }, ct('adminOnly'))));
  void load();
  return { destroy() { picker.destroy(); } };
}
