/** Drives bpmn-engine (the best-known JS engine) on the same shapes, from a parsed moddle context. */
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';

export async function parse(xml: string): Promise<unknown> {
  return new BpmnModdle().fromXML(xml);
}

const services = { done: (_ctx: unknown, callback: (err?: Error | null) => void) => callback(null) };

/** Runs one instance to its end; user tasks are signalled as soon as they wait. */
export async function runToEnd(moddleContext: unknown, name: string): Promise<void> {
  const listener = new EventEmitter();
  listener.on('wait', (api: { signal: (m: unknown) => void }) => api.signal({ approved: true }));
  const engine = new Engine({ name, moddleContext, services });
  await new Promise<void>((resolve, reject) => {
    engine.once('end', () => resolve());
    engine.once('error', reject);
    engine.execute({ listener }).catch(reject);
  });
}

/** Starts one instance and leaves it waiting at its user task. */
export async function startWaiting(moddleContext: unknown, name: string): Promise<unknown> {
  const listener = new EventEmitter();
  const engine = new Engine({ name, moddleContext, services });
  const waiting = new Promise<void>((resolve) => listener.once('wait', () => resolve()));
  await engine.execute({ listener });
  await waiting;
  return engine;
}
