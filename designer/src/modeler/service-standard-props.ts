/**
 * The properties panel's "Standar pelayanan" group (API.md 1.1, "Working days and deadlines"):
 * on the process (or its pool) the case's service standard in working days (`alur:sla
 * workingDays`; a user task's own working days sit beside its due date, due-date-picker.ts), and
 * on any step whether the case's clock stands while it is active — the office waits on the
 * applicant (`alur:slaPause`). Written
 * into the extension elements as the engine reads them; an emptied field or an unticked box
 * removes its element. Changes go through bpmn-js `modeling` (undoable); the engine's rules (the
 * live lint) judge what is written.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { TextFieldEntry, CheckboxEntry, isTextFieldEntryEdited, isCheckboxEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { processOf } from './case-start-props.js';

type Bo = any;
const isType = (bo: Bo, type: string) => !!bo && typeof bo.$instanceOf === 'function' && bo.$instanceOf(type);

/** What carries the extension: the process of a process or pool, else the selected flow node. */
function ownerOf(element: any): Bo | undefined {
  return processOf(element) ?? (isType(element?.businessObject, 'bpmn:FlowNode') ? element.businessObject : undefined);
}

export function extensionOf(owner: Bo, type: string): Bo | undefined {
  return (owner?.extensionElements?.values ?? []).find((v: Bo) => isType(v, type));
}

/** Sets (attributes) or, with `attrs` null, removes the owner's extension element of `type`. */
export function writeExtension(element: any, type: string, attrs: Record<string, string | boolean> | null, modeling: any, moddle: any): void {
  const owner = ownerOf(element);
  if (!owner) return;
  const existing = extensionOf(owner, type);
  let extensionElements = owner.extensionElements;
  if (!attrs) {
    if (existing) modeling.updateModdleProperties(element, extensionElements, { values: extensionElements.values.filter((v: Bo) => v !== existing) });
    return;
  }
  if (existing) {
    modeling.updateModdleProperties(element, existing, attrs);
    return;
  }
  if (!extensionElements) {
    extensionElements = moddle.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = owner;
    modeling.updateModdleProperties(element, owner, { extensionElements });
  }
  const created = moddle.create(type, attrs);
  created.$parent = extensionElements;
  modeling.updateModdleProperties(element, extensionElements, { values: [...extensionElements.values, created] });
}

function workingDaysEntry(label: string, description: string) {
  return function Entry(props: { element: any; id: string }) {
    const modeling = useService('modeling');
    const moddle = useService('moddle');
    const translate = useService('translate');
    const debounce = useService('debounceInput');
    return h(TextFieldEntry, {
      element: props.element, id: props.id, label: translate(label), description: translate(description), debounce,
      getValue: () => extensionOf(ownerOf(props.element), 'alur:Sla')?.workingDays ?? '',
      setValue: (value: string) => {
        const trimmed = (value ?? '').trim();
        writeExtension(props.element, 'alur:Sla', trimmed ? { workingDays: trimmed } : null, modeling, moddle);
      },
    });
  };
}

const CaseStandardEntry = workingDaysEntry('Service standard (working days)',
  'How many working days the service promises from the application to the result (jangka waktu pelayanan, PermenPANRB 15/2014). Weekends, national holidays, cuti bersama and the tenant\'s own closures do not count. Empty: no service standard.');

function PauseEntry(props: { element: any; id: string }) {
  const modeling = useService('modeling');
  const moddle = useService('moddle');
  const translate = useService('translate');
  return h(CheckboxEntry, {
    element: props.element, id: props.id,
    label: translate('The service clock stops here (waiting for the applicant)'),
    description: translate('While this step is active, e.g. the applicant completes the file, its working days do not count toward the service standard; the due date moves later by them.'),
    getValue: () => !!extensionOf(ownerOf(props.element), 'alur:SlaPause'),
    setValue: (value: boolean) => writeExtension(props.element, 'alur:SlaPause', value ? {} : null, modeling, moddle),
  });
}

class ServiceStandardProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(propertiesPanel: any, private readonly translate: (text: string) => string) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: any) {
    return (groups: any[]) => {
      const bo = element?.businessObject;
      const entries = processOf(element)
        ? [{ id: 'alur-sla-process', component: CaseStandardEntry, isEdited: isTextFieldEntryEdited }]
        : isType(bo, 'bpmn:FlowNode') && !isType(bo, 'bpmn:SequenceFlow')
          // A user task's working days sit beside its due date (due-date-picker.ts).
          ? [{ id: 'alur-sla-pause', component: PauseEntry, isEdited: isCheckboxEntryEdited }]
          : [];
      if (entries.length === 0) return groups;
      const after = groups.findIndex((g) => g.id === 'alur-case-start' || g.id === 'general');
      groups.splice(after < 0 ? groups.length : after + 1, 0, { id: 'alur-service-standard', label: this.translate('Service standard'), entries });
      return groups;
    };
  }
}

export default { __init__: ['alurServiceStandardProvider'], alurServiceStandardProvider: ['type', ServiceStandardProvider] };
