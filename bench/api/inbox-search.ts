/**
 * The inbox query on PGlite (embedded mode): p50/p95 of
 * `GET /api/tasks?filter=candidate&sort=dueDate&order=asc&q=…&limit=50` for one staff user who may
 * see N open tasks (default 20,000), beside as many tasks of another group and of another tenant
 * that the query must skip. Rows are seeded in SQL (the engine path is measured elsewhere); the
 * request goes through the real app over HTTP with keep-alive. Usage:
 *   npx tsx bench/api/inbox-search.ts [tasks=20000] [requests=200]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApi, makeTenant, makeUser, bearer, bpmnFile } from '../../test/api/harness.js';
import { backends } from '../../test/store/backends.js';

const visible = Number(process.argv[2] ?? 20_000);
const requests = Number(process.argv[3] ?? 200);

const BPMN = bpmnFile('izin-usaha', `
  <bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
  <bpmn:userTask id="T" name="Periksa Berkas"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements></bpmn:userTask>
  <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E" /><bpmn:endEvent id="E" />`);

async function main(): Promise<void> {
  const api = await openApi(backends().find((b) => b.name === 'pglite')!);
  const tenant = await makeTenant(api, 'kab');
  const other = await makeTenant(api, 'kota');
  const analyst = await makeUser(api, tenant, 'bench-analyst', ['analyst']);
  const staff = await makeUser(api, tenant, 'bench-staff', ['staff'], ['loket']);
  const dep = await api.http.post('/api/deployments').set(bearer(analyst)).attach('f', BPMN, 'izin.bpmn');
  if (dep.status !== 201) throw new Error(`deploy: ${dep.status}`);
  const k = api.db.knex;
  const t0 = performance.now();
  // Three populations of the same size: the user's (group loket of their tenant), another group's
  // in the same tenant, and the same group in another tenant. One in ten has no due date.
  for (const [i, [t, group]] of [[tenant, 'loket'], [tenant, 'keuangan'], [other, 'loket']].entries()) {
    await k.raw(`
      insert into process_instance (id, tenant_id, definition_id, process_key, process_version, state, snapshot, version, started_at)
      select 'bench-${i}-' || g, ?, ?, 'izin-usaha', 1, 'active', '{}'::jsonb, 1, now() - (g || ' seconds')::interval from generate_series(1, ?) g`,
    [t, dep.body.processes[0].id, visible]);
    await k.raw(`
      insert into user_task (id, tenant_id, instance_id, key, element_id, name, process_key, business_key, candidate_groups, candidate_keys,
        due_at, priority, state, created_at)
      select gen_random_uuid(), ?, 'bench-${i}-' || g, 2, 'T', case when g % 3 = 0 then 'Tandatangani Surat' else 'Periksa Berkas' end,
        'izin-usaha', 'SIUP/' || lpad(g::text, 6, '0') || '/2026', array[?], array[? || ':g:' || ?],
        case when g % 10 = 0 then null else now() + ((g * 37) % 3000 || ' minutes')::interval end, (g * 7) % 100, 'open', now() - (g || ' seconds')::interval
      from generate_series(1, ?) g`, [t, group, t, group, visible]);
  }
  await k.raw('vacuum analyze user_task');
  console.error(`seeded ${3 * visible} tasks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const server = api.app.listen(0);
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) => new Promise<{ total: number }>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, agent, headers: bearer(staff) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`${path} → ${res.statusCode} ${text}`))));
    }).on('error', reject);
  });

  const cases: [string, string][] = [
    ['no search', ''], ['one business key', 'SIUP/012345'], ['a tenth (prefix)', 'SIUP/0012'],
    ['every task (process key)', 'izin'], ['a third (task name)', 'tandatangani'], ['no hit', 'tidak-ada'],
  ];
  console.log(`\n${visible} visible tasks (of ${3 * visible}), PGlite, ${requests} sequential requests each, limit=50\n`);
  console.log('q | total | p50 ms | p95 ms\n--- | --- | --- | ---');
  for (const [label, q] of cases) {
    const path = `/api/tasks?filter=candidate&sort=dueDate&order=asc&limit=50${q ? `&q=${encodeURIComponent(q)}` : ''}`;
    const { total } = await get(path);
    for (let i = 0; i < 10; i++) await get(path); // warm-up
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const s = performance.now();
      await get(path);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))].toFixed(1);
    console.log(`${label} (\`${q}\`) | ${total} | ${at(0.5)} | ${at(0.95)}`);
  }
  agent.destroy();
  server.close();
  await api.close();
}

main().catch((err) => { console.error(err); process.exit(1); });
