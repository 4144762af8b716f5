/**
 * BPMN files for the queue specs, the chaos run and bench/queue, written out so each shape is
 * visible: a chain of service tasks, a wide parallel fork/join, a process with a service task,
 * a timer and a parallel join (chaos), and one service task with retries (incidents).
 */
const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

function definitions(id: string, body: string): { name: string; content: Buffer } {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs_${id}" targetNamespace="http://alur.example/queue">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
  return { name: `${id}.bpmn`, content: Buffer.from(xml) };
}

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

function service(id: string, type: string, retries = 3, headers: Record<string, string> = {}): string {
  const h = Object.entries(headers).map(([k, v]) => `<zeebe:header key="${k}" value="${v.replace(/"/g, '&quot;')}"/>`).join('');
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="${retries}"/>${h ? `<zeebe:taskHeaders>${h}</zeebe:taskHeaders>` : ''}</bpmn:extensionElements></bpmn:serviceTask>`;
}

function timerCatch(id: string, duration: string): string {
  return `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
}

/** start → n service tasks of `type` → end. */
export function chainProcess(id: string, n: number, type: string) {
  const tasks = Array.from({ length: n }, (_, i) => service(`T${i + 1}`, type)).join('');
  const ids = ['S', ...Array.from({ length: n }, (_, i) => `T${i + 1}`), 'E'];
  const flows = ids.slice(1).map((to, i) => flow(`F${i}`, ids[i], to)).join('');
  return definitions(id, `<bpmn:startEvent id="S"/>${tasks}<bpmn:endEvent id="E"/>${flows}`);
}

/** start → fork → n service tasks → join → end. */
export function parallelProcess(id: string, n: number, type: string) {
  const branches = Array.from({ length: n }, (_, i) => `${service(`B${i + 1}`, type)}${flow(`FA${i}`, 'Fork', `B${i + 1}`)}${flow(`FB${i}`, `B${i + 1}`, 'Join')}`).join('');
  return definitions(id, `<bpmn:startEvent id="S"/><bpmn:parallelGateway id="Fork"/>${branches}<bpmn:parallelGateway id="Join"/><bpmn:endEvent id="E"/>${flow('F0', 'S', 'Fork')}${flow('F1', 'Join', 'E')}`);
}

/**
 * The chaos shape: start → A → fork → (B) ‖ (wait `timer` → C) → join → D → end.
 * Every element is entered once per instance, so a history shows each exactly once.
 */
export function chaosProcess(id: string, type: string, timer = 'PT1S') {
  return definitions(id, [
    '<bpmn:startEvent id="S"/>', service('A', type), '<bpmn:parallelGateway id="Fork"/>', service('B', type), timerCatch('Wait', timer),
    service('C', type), '<bpmn:parallelGateway id="Join"/>', service('D', type), '<bpmn:endEvent id="E"/>',
    flow('F1', 'S', 'A'), flow('F2', 'A', 'Fork'), flow('F3', 'Fork', 'B'), flow('F4', 'Fork', 'Wait'), flow('F5', 'Wait', 'C'),
    flow('F6', 'B', 'Join'), flow('F7', 'C', 'Join'), flow('F8', 'Join', 'D'), flow('F9', 'D', 'E'),
  ].join(''));
}

export const CHAOS_ELEMENTS = ['S', 'A', 'Fork', 'B', 'Wait', 'C', 'Join', 'D', 'E'];

/** start → wait `timer` → end. */
export function timerProcess(id: string, timer: string) {
  return definitions(id, `<bpmn:startEvent id="S"/>${timerCatch('Wait', timer)}<bpmn:endEvent id="E"/>${flow('F1', 'S', 'Wait')}${flow('F2', 'Wait', 'E')}`);
}

/** start → one service task with headers → end. */
export function singleTaskProcess(id: string, type: string, retries = 3, headers: Record<string, string> = {}) {
  return definitions(id, `<bpmn:startEvent id="S"/>${service('T', type, retries, headers)}<bpmn:endEvent id="E"/>${flow('F1', 'S', 'T')}${flow('F2', 'T', 'E')}`);
}
