/**
 * What the operating specs (API.md 1.1) share: the models they run and one scene per backend —
 * a server whose `sign-op` handler fails until `signing` is 'ok', tenants with an analyst, a staff
 * user and another tenant's analyst, and deploy/start/search helpers that fail on a wrong status.
 */
import { expect } from 'chai';
import type { Backend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';

export const REVIEW = (name: string) => bpmnFile('izin-usaha', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:userTask id="Review" name="${name}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
  <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />`);

export const SIGN = bpmnFile('tanda-tangan', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="Sign"><bpmn:extensionElements><zeebe:taskDefinition type="sign-op" retries="1" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sign" />
  <bpmn:sequenceFlow id="F2" sourceRef="Sign" targetRef="End" />`);

export const TTE = bpmnFile('surat-keluar', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="TandaTangan"><bpmn:extensionElements><zeebe:taskDefinition type="tte-sign-unregistered" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="TandaTangan" />
  <bpmn:sequenceFlow id="F2" sourceRef="TandaTangan" targetRef="End" />`);

export const TWO_STEPS = (name: string) => bpmnFile('dua-langkah', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:userTask id="Periksa" name="${name}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
  <bpmn:userTask id="Setujui"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="kepala" /></bpmn:extensionElements>
    <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="End"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Periksa" />
  <bpmn:sequenceFlow id="F2" sourceRef="Periksa" targetRef="Setujui" />
  <bpmn:sequenceFlow id="F3" sourceRef="Setujui" targetRef="End" />`);

export interface OperatingScene {
  /** Open from the scene's `before` on. */
  api: Api;
  /** Whether the `sign-op` handler fails (503) or signs. */
  signing: 'fail' | 'ok';
  tenantWithPeople(): Promise<{ tenant: string; analyst: string; staff: string; staffName: string; other: string }>;
  deploy(token: string, file: Buffer, name: string): Promise<{ id: string; version: number }>;
  start(token: string, processKey: string, businessKey?: string, variables?: Record<string, unknown>): Promise<{ id: string; tasks: { id: string }[] }>;
  search(token: string, query: string): Promise<{ ids: string[]; total: number }>;
}

/** Registers the server's before/after hooks in the calling describe block and answers the scene. */
export function operatingScene(backend: Backend): OperatingScene {
  before(async () => {
    scene.api = await openApi(backend);
    scene.api.registry.register('sign-op', async () => {
      if (scene.signing === 'fail') throw new Error('signing service unavailable (503)');
      return { variables: { signed: true } };
    });
  });
  after(async () => { await scene.api.close(); });

  async function tenantWithPeople() {
    const api = scene.api;
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const staffName = uname('s');
    const staff = await makeUser(api, tenant, staffName, ['staff'], ['loket']);
    const other = await makeUser(api, await makeTenant(api), uname('o'), ['analyst']);
    return { tenant, analyst, staff, staffName, other };
  }
  const deploy = async (token: string, file: Buffer, name: string) => {
    const api = scene.api;
    const res = await api.http.post('/api/deployments').set(bearer(token)).attach('bpmn', file, name);
    expect(res.status, JSON.stringify(res.body)).to.be.oneOf([200, 201]);
    return res.body.processes[0] as { id: string; version: number };
  };
  const start = async (token: string, processKey: string, businessKey?: string, variables: Record<string, unknown> = {}) => {
    const api = scene.api;
    const res = await api.http.post('/api/process-instances').set(bearer(token)).send({ processKey, businessKey, variables });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body as { id: string; tasks: { id: string }[] };
  };
  const search = async (token: string, query: string) => {
    const api = scene.api;
    const res = await api.http.get(`/api/process-instances?${query}`).set(bearer(token));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return { ids: (res.body.items as { id: string }[]).map((i) => i.id), total: res.body.total as number };
  };
  const scene: OperatingScene = { api: undefined as unknown as Api, signing: 'fail', tenantWithPeople, deploy, start, search };
  return scene;
}
