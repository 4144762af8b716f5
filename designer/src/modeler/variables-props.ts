/**
 * The properties panel's "Values people enter" group on a process (or its pool): strict variables,
 * `<alur:variables strict="true"/>` in the process's extension elements (README, "What a person may
 * set: strict variables"). Ticked, a person sets only what a form declares; unticked, the element
 * goes and Camunda's default applies. Through bpmn-js `modeling`, so it is undoable; the engine's
 * rules (the live lint) warn about each form-less user task of a strict process.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, isCheckboxEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { processOf } from './case-start-props.js';
import { extensionOf, writeExtension } from './service-standard-props.js';

function StrictEntry(props: { element: any; id: string }) {
  const modeling = useService('modeling');
  const moddle = useService('moddle');
  const translate = useService('translate');
  return h(CheckboxEntry, {
    element: props.element, id: props.id,
    label: translate('Strict: a person sets only what a form declares'),
    description: translate('A task or start without a form then takes no values at all, so no one can overwrite what an earlier form checked. Unticked: Camunda\'s default, a task without a form sets any value.'),
    getValue: () => extensionOf(processOf(props.element), 'alur:Variables')?.strict === true,
    setValue: (value: boolean) => writeExtension(props.element, 'alur:Variables', value ? { strict: true } : null, modeling, moddle),
  });
}

class VariablesProvider {
  static $inject = ['propertiesPanel', 'translate'];

  constructor(propertiesPanel: any, private readonly translate: (text: string) => string) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: any) {
    return (groups: any[]) => {
      if (!processOf(element)) return groups;
      const after = groups.findIndex((g) => g.id === 'alur-case-start' || g.id === 'general');
      groups.splice(after < 0 ? groups.length : after + 1, 0, {
        id: 'alur-variables',
        label: this.translate('Values people enter'),
        entries: [{ id: 'alur-variables-strict', component: StrictEntry, isEdited: isCheckboxEntryEdited }],
      });
      return groups;
    };
  }
}

export default { __init__: ['alurVariablesProvider'], alurVariablesProvider: ['type', VariablesProvider] };
