/**
 * The properties panel's "Starting a case" group on a process (or the pool holding it): who may
 * start it (`alur:starters groups`) and its registration number format (`alur:businessKey
 * format`), written into the process's extension elements as the engine reads them. An emptied
 * field removes its element. Changes go through bpmn-js `modeling`, so they are undoable. The
 * engine's rules (the live lint) judge what is written; this group only edits.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { TextFieldEntry, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';

type Bo = any;
const isType = (bo: Bo, type: string) => !!bo && typeof bo.$instanceOf === 'function' && bo.$instanceOf(type);

/** The process a selected process or pool stands for. */
export function processOf(element: any): Bo | undefined {
  const bo = element?.businessObject;
  if (isType(bo, 'bpmn:Process')) return bo;
  if (isType(bo, 'bpmn:Participant')) return bo.processRef;
  return undefined;
}

const FIELDS = {
  starters: { type: 'alur:Starters', attribute: 'groups' },
  businessKey: { type: 'alur:BusinessKey', attribute: 'format' },
} as const;
type Field = keyof typeof FIELDS;

function extensionOf(process: Bo, type: string): Bo | undefined {
  return (process?.extensionElements?.values ?? []).find((v: Bo) => isType(v, type));
}

function readField(element: any, field: Field): string {
  const { type, attribute } = FIELDS[field];
  return extensionOf(processOf(element), type)?.[attribute] ?? '';
}

/** Writes (or, when `value` is blank, removes) the field's extension element on the process. */
function writeField(element: any, field: Field, value: string, modeling: any, moddle: any): void {
  const { type, attribute } = FIELDS[field];
  const process = processOf(element);
  if (!process) return;
  const existing = extensionOf(process, type);
  const trimmed = value.trim();
  let extensionElements = process.extensionElements;
  if (!trimmed) {
    if (existing) modeling.updateModdleProperties(element, extensionElements, { values: extensionElements.values.filter((v: Bo) => v !== existing) });
    return;
  }
  if (existing) {
    modeling.updateModdleProperties(element, existing, { [attribute]: trimmed });
    return;
  }
  if (!extensionElements) {
    extensionElements = moddle.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = process;
    modeling.updateModdleProperties(element, process, { extensionElements });
  }
  const created = moddle.create(type, { [attribute]: trimmed });
  created.$parent = extensionElements;
  modeling.updateModdleProperties(element, extensionElements, { values: [...extensionElements.values, created] });
}

function entry(field: Field, label: string, description: string) {
  return function Entry(props: { element: any; id: string }) {
    const modeling = useService('modeling');
    const moddle = useService('moddle');
    const translate = useService('translate');
    const debounce = useService('debounceInput');
    return h(TextFieldEntry, {
      element: props.element, id: props.id, label: translate(label), description: translate(description), debounce,
      getValue: () => readField(props.element, field),
      setValue: (value: string) => writeField(props.element, field, value ?? '', modeling, moddle),
    });
  };
}

const StartersEntry = entry('starters', 'Who may start (groups)', 'Comma-separated groups, e.g. loket-dpmptsp, kepala-opd. Empty: every user of the tenant.');
const BusinessKeyEntry = entry('businessKey', 'Registration number format', 'e.g. PBG/{yyyy}/{MM}/{seq:5}: {yyyy} {yy} {MM} {dd} are the start date, {seq:5} a counter of 5 digits that restarts when the text around it changes. Empty: no number.');

class CaseStartProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(propertiesPanel: any, private readonly translate: (text: string) => string) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: any) {
    return (groups: any[]) => {
      if (!processOf(element)) return groups;
      const at = groups.findIndex((g) => g.id === 'general');
      groups.splice(at < 0 ? groups.length : at + 1, 0, {
        id: 'alur-case-start',
        label: this.translate('Starting a case'),
        entries: [
          { id: 'alur-starters', component: StartersEntry, isEdited: isTextFieldEntryEdited },
          { id: 'alur-business-key', component: BusinessKeyEntry, isEdited: isTextFieldEntryEdited },
        ],
      });
      return groups;
    };
  }
}

export default { __init__: ['alurCaseStartProvider'], alurCaseStartProvider: ['type', CaseStartProvider] };
