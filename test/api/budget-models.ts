/** Models the budget specs share (budgets.spec.ts, step-time-budget.spec.ts). */
import { bpmnFile } from './harness.js';

/** start → exclusive gateway (condition `condition`, else default) → two ends. */
export function gatewayOn(id: string, condition: string): Buffer {
  return bpmnFile(id, `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:exclusiveGateway id="G" default="FNo"><bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>FYes</bpmn:outgoing><bpmn:outgoing>FNo</bpmn:outgoing></bpmn:exclusiveGateway>
  <bpmn:endEvent id="Yes"><bpmn:incoming>FYes</bpmn:incoming></bpmn:endEvent>
  <bpmn:endEvent id="No"><bpmn:incoming>FNo</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="G" />
  <bpmn:sequenceFlow id="FYes" sourceRef="G" targetRef="Yes"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="FNo" sourceRef="G" targetRef="No" />`);
}
