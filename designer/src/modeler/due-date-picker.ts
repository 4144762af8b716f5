/**
 * Two helpers beside a user task's due-date FEEL box (the Zeebe panel shows it in "Assignment"):
 * a date picker — choosing a day writes zeebe:taskSchedule dueDate as that day's end of office
 * hours in WIB (`2026-12-31T16:00:00+07:00`, a literal Camunda reads too) — and a field for a due
 * date in working days, written as the task's alur:sla (due that many working days after the task
 * opens, by the tenant's calendar). The engine keeps the due date when a task has both and warns,
 * so each helper removes the other's value. The FEEL box above stays for computed deadlines.
 *
 * Both read back what the diagram holds: the picker shows the WIB day of any literal due date the
 * engine accepts (a date alone, or a date-time in any offset, read as the engine reads it), the
 * working-days field the task's alur:sla or a due date that is one `add working days(now(), N)`.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useRef } from '@bpmn-io/properties-panel/preact/hooks';
import { TextFieldEntry, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { parseInstant } from '../../../engine/core/timers.js';
import { extensionOf, writeExtension } from './service-standard-props.js';
import { attachDatePicker, type DatePicker } from '../../../ui-shared/date-picker.js';
import { currentLang } from '../i18n/lang.js';

type Bo = any;
const isType = (bo: Bo, type: string) => !!bo && typeof bo.$instanceOf === 'function' && bo.$instanceOf(type);
const WIB_MS = 7 * 3600_000;
const WORKING_DAYS_CALL = /^=\s*add working days\(\s*now\(\)\s*,\s*(\d+)\s*\)\s*$/;

function dueDateOf(element: any): string {
  return extensionOf(element.businessObject, 'zeebe:TaskSchedule')?.dueDate ?? '';
}

/** The day (YYYY-MM-DD) in WIB of a literal due date, or '' for none or a FEEL expression. */
export function dayOfDueDate(dueDate: string): string {
  const text = dueDate.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseInstant(text) === undefined ? '' : text;
  const at = parseInstant(text);
  return at === undefined ? '' : new Date(at + WIB_MS).toISOString().slice(0, 10);
}

/** The task's due date in working days: its alur:sla, or a due date that is one add-working-days call. */
export function workingDaysOf(element: any): string {
  return extensionOf(element.businessObject, 'alur:Sla')?.workingDays ?? WORKING_DAYS_CALL.exec(dueDateOf(element))?.[1] ?? '';
}

function writeDueDate(element: any, dueDate: string | undefined, modeling: any, moddle: any): void {
  const schedule = extensionOf(element.businessObject, 'zeebe:TaskSchedule');
  if (schedule) modeling.updateModdleProperties(element, schedule, { dueDate });
  else if (dueDate) writeExtension(element, 'zeebe:TaskSchedule', { dueDate }, modeling, moddle);
}

function DueDatePicker(props: { element: any; id: string }) {
  const modeling = useService('modeling');
  const moddle = useService('moddle');
  const translate = useService('translate');
  const inputId = `bio-properties-panel-${props.id}`;
  const day = dayOfDueDate(dueDateOf(props.element));
  const input = useRef<HTMLInputElement>(null);
  const picker = useRef<DatePicker | null>(null);
  const pick = (chosen: string) => {
    if (chosen === day) return;
    writeDueDate(props.element, chosen ? `${chosen}T16:00:00+07:00` : undefined, modeling, moddle);
    if (chosen) writeExtension(props.element, 'alur:Sla', null, modeling, moddle);
  };
  // A day-first picker in the designer's language (a native date input follows the browser's locale).
  useEffect(() => {
    picker.current = attachDatePicker(input.current!, currentLang());
    return () => { picker.current?.destroy(); picker.current = null; };
  }, []);
  // Another task selected, or the value changed by undo or the fields beside: show what the diagram holds.
  useEffect(() => { picker.current?.set(day); }, [day, props.element]);
  return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': props.id },
    h('label', { for: inputId, class: 'bio-properties-panel-label' }, translate('Due date (pick a day)')),
    // Wrapped: flatpickr puts its visible input beside this one, outside what preact renders.
    h('div', { class: 'alur-date-field' },
      h('input', { ref: input, id: inputId, class: 'bio-properties-panel-input', value: day,
        onChange: (event: Event) => pick((event.target as HTMLInputElement).value) })),
    h('div', { class: 'bio-properties-panel-description' }, translate('Writes the due date as that day, 16:00 WIB. For a deadline in working days, fill the field below instead.')));
}

function WorkingDaysEntry(props: { element: any; id: string }) {
  const modeling = useService('modeling');
  const moddle = useService('moddle');
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  return h(TextFieldEntry, {
    element: props.element, id: props.id, debounce,
    label: translate('Due in (working days)'),
    description: translate('The task is due this many working days after it opens, at the same time of day, by the tenant\'s calendar. Empty: no due date in working days.'),
    getValue: () => workingDaysOf(props.element),
    setValue: (value: string) => {
      const trimmed = (value ?? '').trim();
      writeExtension(props.element, 'alur:Sla', trimmed ? { workingDays: trimmed } : null, modeling, moddle);
      // The due date would win over the working days (or is the same count written as FEEL).
      if (trimmed || WORKING_DAYS_CALL.test(dueDateOf(props.element))) writeDueDate(props.element, undefined, modeling, moddle);
    },
  });
}

class DueDateHelpersProvider {
  static $inject = ['propertiesPanel'];
  constructor(propertiesPanel: any) { propertiesPanel.registerProvider(300, this); }

  getGroups(element: any) {
    return (groups: any[]) => {
      if (!isType(element?.businessObject, 'bpmn:UserTask')) return groups;
      // The Zeebe provider keeps the task schedule's entries in the assignment group: right after the due date's FEEL box.
      const group = groups.find((g) => g.id === 'assignmentDefinition' || g.id === 'taskSchedule');
      if (!group) return groups;
      const at = group.entries.findIndex((e: { id: string }) => /duedate/i.test(e.id));
      group.entries.splice(at < 0 ? group.entries.length : at + 1, 0,
        { id: 'alur-due-date-picker', component: DueDatePicker },
        { id: 'alur-sla-task', component: WorkingDaysEntry, isEdited: isTextFieldEntryEdited });
      return groups;
    };
  }
}

export default { __init__: ['alurDueDatePicker'], alurDueDatePicker: ['type', DueDateHelpersProvider] };
