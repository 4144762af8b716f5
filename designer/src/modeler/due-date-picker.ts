/**
 * A date picker beside the due date's FEEL box (the Zeebe panel shows it in "Assignment"): choosing a day writes the user
 * task's zeebe:taskSchedule dueDate as that day's end of office hours in WIB
 * (`2026-12-31T16:00:00+07:00`, a literal Camunda reads too), creating the extension element when
 * missing; the FEEL box above stays for computed deadlines such as `=add working days(now(), 5)`.
 * A due date in working days is the "Standar pelayanan" group's alur:sla.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';

type Bo = any;
const isType = (bo: Bo, type: string) => !!bo && typeof bo.$instanceOf === 'function' && bo.$instanceOf(type);
const LITERAL = /^(\d{4}-\d{2}-\d{2})T/;

function scheduleOf(bo: Bo): Bo | undefined {
  return (bo?.extensionElements?.values ?? []).find((v: Bo) => isType(v, 'zeebe:TaskSchedule'));
}

function writeDueDate(element: any, day: string, modeling: any, moddle: any): void {
  const bo = element.businessObject;
  const dueDate = day ? `${day}T16:00:00+07:00` : undefined;
  const existing = scheduleOf(bo);
  if (existing) {
    modeling.updateModdleProperties(element, existing, { dueDate });
    return;
  }
  if (!dueDate) return;
  let extensionElements = bo.extensionElements;
  if (!extensionElements) {
    extensionElements = moddle.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = bo;
    modeling.updateModdleProperties(element, bo, { extensionElements });
  }
  const schedule = moddle.create('zeebe:TaskSchedule', { dueDate });
  schedule.$parent = extensionElements;
  modeling.updateModdleProperties(element, extensionElements, { values: [...extensionElements.values, schedule] });
}

function DueDatePicker(props: { element: any; id: string }) {
  const modeling = useService('modeling');
  const moddle = useService('moddle');
  const translate = useService('translate');
  const current = LITERAL.exec(scheduleOf(props.element.businessObject)?.dueDate ?? '')?.[1] ?? '';
  const inputId = `bio-properties-panel-${props.id}`;
  return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': props.id },
    h('label', { for: inputId, class: 'bio-properties-panel-label' }, translate('Due date (pick a day)')),
    h('input', { id: inputId, type: 'date', class: 'bio-properties-panel-input', value: current,
      onChange: (event: Event) => writeDueDate(props.element, (event.target as HTMLInputElement).value, modeling, moddle) }),
    h('div', { class: 'bio-properties-panel-description' }, translate('Writes the due date as that day, 16:00 WIB. For a deadline in working days use the service standard.')));
}

class DueDatePickerProvider {
  static $inject = ['propertiesPanel'];
  constructor(propertiesPanel: any) { propertiesPanel.registerProvider(300, this); }

  getGroups(element: any) {
    return (groups: any[]) => {
      if (!isType(element?.businessObject, 'bpmn:UserTask')) return groups;
      // The Zeebe provider keeps the task schedule's entries in the assignment group: right after the due date's FEEL box.
      const group = groups.find((g) => g.id === 'assignmentDefinition' || g.id === 'taskSchedule');
      if (!group) return groups;
      const at = group.entries.findIndex((e: { id: string }) => /duedate/i.test(e.id));
      group.entries.splice(at < 0 ? group.entries.length : at + 1, 0, { id: 'alur-due-date-picker', component: DueDatePicker });
      return groups;
    };
  }
}

export default { __init__: ['alurDueDatePicker'], alurDueDatePicker: ['type', DueDatePickerProvider] };
