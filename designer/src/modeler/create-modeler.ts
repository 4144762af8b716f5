/**
 * Builds the bpmn-js Modeler the way Camunda Modeler's Camunda 8 mode does: Zeebe moddle, Zeebe
 * properties panel and camunda-cloud behaviors, plus live bpmnlint (recommended rules and Alur's
 * engine rules, packed at build time), token simulation, the Indonesian translate module and
 * Alur's "Starting a case" group (who may start, registration number format), and FEEL fields that
 * know Alur's working-day functions.
 * It owns no application state; the caller imports XML and listens to events.
 */
import BpmnModeler from 'bpmn-js/lib/Modeler.js';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
  ZeebeTooltipProvider,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import lintModule from 'bpmn-js-bpmnlint';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import lintConfig from 'alur-lint-config';
import alurModdle from '../../../engine/bpmn/alur.json' with { type: 'json' };
import translateModule from '../i18n/translate-module.js';
import caseStartModule from './case-start-props.js';
import variablesModule from './variables-props.js';
import dueDatePickerModule from './due-date-picker.js';
import serviceStandardModule from './service-standard-props.js';
import { feelLanguageContext } from './feel-builtins.js';

export type Modeler = BpmnModeler;

export function createModeler(canvas: HTMLElement, propertiesPanel: HTMLElement): Modeler {
  return new BpmnModeler({
    container: canvas,
    // FEEL fields complete and explain Alur's working-day functions too.
    propertiesPanel: { parent: propertiesPanel, tooltip: ZeebeTooltipProvider, feelLanguageContext },
    linting: { bpmnlint: lintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      ZeebeBehaviorsModule,
      lintModule,
      TokenSimulationModule,
      translateModule,
      caseStartModule,
      variablesModule,
      dueDatePickerModule,
      serviceStandardModule,
    ],
    // The engine's own descriptors: what it parses, the designer reads and writes unchanged.
    moddleExtensions: { zeebe: zeebeModdle, alur: alurModdle },
  } as any);
}
