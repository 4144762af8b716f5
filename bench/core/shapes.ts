/**
 * The three benchmark shapes as plain BPMN 2.0 with both dialects on the same elements: Zeebe
 * extensions for Alur, `implementation="${environment.services.done}"` for bpmn-engine.
 */
const head = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="bench" targetNamespace="http://alur.go.id/bench">`;

function serviceTask(id: string): string {
  return `<serviceTask id="${id}" implementation="\${environment.services.done}"><extensionElements><zeebe:taskDefinition type="noop"/></extensionElements></serviceTask>`;
}

/** (a) start → 5 service tasks → end. */
export function fiveServiceTasks(): string {
  const tasks = [1, 2, 3, 4, 5].map((i) => serviceTask(`t${i}`)).join('');
  const ids = ['s', 't1', 't2', 't3', 't4', 't5', 'e'];
  const flows = ids.slice(1).map((id, i) => `<sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${id}"/>`).join('');
  return `${head}<process id="services" isExecutable="true"><startEvent id="s"/>${tasks}<endEvent id="e"/>${flows}</process></definitions>`;
}

/** (b) start → user task → end. */
export function oneUserTask(): string {
  return `${head}<process id="approval" isExecutable="true"><startEvent id="s"/>
<userTask id="review"><extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="verifikator"/></extensionElements></userTask>
<endEvent id="e"/><sequenceFlow id="f1" sourceRef="s" targetRef="review"/><sequenceFlow id="f2" sourceRef="review" targetRef="e"/></process></definitions>`;
}

/** (c) a 10-branch parallel fork and join. */
export function tenBranches(): string {
  const branches = Array.from({ length: 10 }, (_, i) => i);
  const tasks = branches.map((i) => `<task id="b${i}"/>`).join('');
  const flows = branches.map((i) => `<sequenceFlow id="in${i}" sourceRef="fork" targetRef="b${i}"/><sequenceFlow id="out${i}" sourceRef="b${i}" targetRef="join"/>`).join('');
  return `${head}<process id="parallel" isExecutable="true"><startEvent id="s"/><parallelGateway id="fork"/>${tasks}<parallelGateway id="join"/><endEvent id="e"/>
<sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>${flows}<sequenceFlow id="f2" sourceRef="join" targetRef="e"/></process></definitions>`;
}
