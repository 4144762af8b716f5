/**
 * Alur's validation rules, in the order their messages read best. Each rule is a plain function
 * over bpmn-moddle elements returning `{ element, message }[]`, free of Node built-ins, so the
 * designer can wrap the same list as a bpmnlint plugin.
 */
import { calledProcess } from './call-activity.js';
import { messageFlows } from './collaboration.js';
import { callActivityData, itemCollections, loopDataItems, messageData, serviceBindings } from './data.js';
import { mimeFormats } from './formats.js';
import { activityAttributes, conditionalFlows, flowLists, gatewayDirections, reachability } from './structure.js';
import { boundaryEvents, eventDefinitionsAllowed, eventFlows, linkEvents } from './events.js';
import { feelSyntax } from './expressions.js';
import { scopeStarts, sequenceFlows } from './flows.js';
import { processStart } from './starting.js';
import { strictFormlessTasks, strictVariables } from './variables.js';
import { serviceStandard, serviceStandardDueDate } from './service-standard.js';
import { eventBasedGateway, gatewayConditions, ignoredConditions } from './gateways.js';
import { ioMappings, loopSettings, taskImplementation, userTaskAssignment } from './tasks.js';
import { timerValues } from './timers.js';
import { unsupportedElements } from './unsupported.js';
import { ignoredZeebeExtensions, unsupportedZeebeExtensions } from './zeebe-extensions.js';
import type { Rule } from './util.js';

export type { Rule, RuleContext, ExpressionRole } from './util.js';

export const rules: Rule[] = [
  unsupportedElements,
  unsupportedZeebeExtensions,
  ignoredZeebeExtensions,
  sequenceFlows,
  scopeStarts,
  flowLists,
  reachability,
  gatewayDirections,
  conditionalFlows,
  activityAttributes,
  eventDefinitionsAllowed,
  eventFlows,
  boundaryEvents,
  linkEvents,
  gatewayConditions,
  eventBasedGateway,
  ignoredConditions,
  taskImplementation,
  userTaskAssignment,
  processStart,
  strictVariables,
  strictFormlessTasks,
  serviceStandard,
  serviceStandardDueDate,
  loopSettings,
  ioMappings,
  calledProcess,
  timerValues,
  feelSyntax,
  itemCollections,
  messageData,
  loopDataItems,
  callActivityData,
  serviceBindings,
  messageFlows,
  mimeFormats,
];
