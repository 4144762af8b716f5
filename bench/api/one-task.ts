/**
 * What the api and store benches measure a command on: the one-user-task process (start → task
 * for group `bench` → end), and the CPU time of a process read from /proc.
 */
import { readFileSync } from 'node:fs';
import type { JsonCall } from './engine-server.js';

export const ONE_TASK_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://alur.example/bench">
  <bpmn:process id="one-task" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="T" name="Approve"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="bench" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>`;

/** CPU time (user + system) a process of this machine has used so far, in ms (Linux /proc). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime: clock ticks of 1/100 s
}

/**
 * Tenant `bench` on the server at `port` (its admin's password is `bench-admin`: spawnEngine) with
 * an analyst who deploys the one-task process and a staff member of group `bench` who works it.
 */
export async function deployOneTask(port: number, call: JsonCall): Promise<{ root: string; staff: string; login: (username: string, password: string) => Promise<string> }> {
  const login = async (u: string, p: string) => (await call('POST', '/api/auth/login', undefined, { username: u, password: p })).token as string;
  const root = await login('admin', 'bench-admin');
  await call('POST', '/api/tenants', root, { id: 'bench', name: 'Bench' });
  await call('POST', '/api/users', root, { username: 'bench-analyst', password: 'bench-pass-1', tenant: 'bench', roles: ['analyst'] });
  await call('POST', '/api/users', root, { username: 'bench-staff', password: 'bench-pass-1', tenant: 'bench', roles: ['staff'], groups: ['bench'] });
  const analyst = await login('bench-analyst', 'bench-pass-1');
  const staff = await login('bench-staff', 'bench-pass-1');
  const form = new FormData();
  form.append('file', new Blob([ONE_TASK_BPMN]), 'one-task.bpmn');
  const dep = await fetch(`http://127.0.0.1:${port}/api/deployments`, { method: 'POST', headers: { authorization: `Bearer ${analyst}` }, body: form });
  if (dep.status !== 201) throw new Error(`deploy: ${dep.status} ${await dep.text()}`);
  return { root, staff, login };
}
