/**
 * Camunda 8 compatibility of the files the designer writes: the `modeler:executionPlatform`
 * attributes that make Camunda Modeler open a file in Camunda 8 mode, and the blank diagram.
 * It never touches the process content; an imported file keeps its own platform version.
 */
export const MODELER_NS = 'http://camunda.org/schema/modeler/1.0';
export const EXECUTION_PLATFORM = 'Camunda Cloud';
export const EXECUTION_PLATFORM_VERSION = '8.x';

/** Adds the execution-platform attributes to a moddle `bpmn:Definitions` when they are missing. */
export function ensureExecutionPlatform(definitions: { $attrs: Record<string, string> }): void {
  const attrs = definitions.$attrs;
  const prefix = Object.keys(attrs).find((name) => name.startsWith('xmlns:') && attrs[name] === MODELER_NS)?.slice(6);
  const modeler = prefix ?? 'modeler';
  if (!prefix) attrs['xmlns:modeler'] = MODELER_NS;
  if (!attrs[`${modeler}:executionPlatform`]) attrs[`${modeler}:executionPlatform`] = EXECUTION_PLATFORM;
  if (!attrs[`${modeler}:executionPlatformVersion`]) attrs[`${modeler}:executionPlatformVersion`] = EXECUTION_PLATFORM_VERSION;
}

/** A short random suffix for fresh ids, like Camunda Modeler's `Process_0abc123`. */
function suffix(): string {
  return Math.random().toString(36).slice(2, 9);
}

/** The XML of a new diagram: one executable process with a start event. */
export function blankDiagram(): string {
  const processId = `Proses_${suffix()}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="${MODELER_NS}" id="Definitions_${suffix()}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Alur Designer" exporterVersion="0.1.0" modeler:executionPlatform="${EXECUTION_PLATFORM}" modeler:executionPlatformVersion="${EXECUTION_PLATFORM_VERSION}">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="182" y="162" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
