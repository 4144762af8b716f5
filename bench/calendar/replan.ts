/**
 * A calendar change re-plans pending working-day deadlines (issue 14): N cases, each with a case
 * SLA (5 working days) and an open task due in 3, all pending; a holiday is added on the Thursday
 * inside every window, so every case moves (both deadlines) through the core and the one write
 * path (service/replan.ts: a `deadlines.replan` step per case, snapshot + task row + history, 250
 * cases a statement, up to 3 statements at once, paced by the commands' latency). In the same run
 * and database:
 *   - baseline: one plain UPDATE moving the same deadline columns of the same rows (no snapshot,
 *     no history) — the floor of touching those rows at all; the ratio is re-plan ÷ baseline;
 *   - commands meanwhile: task completions of other cases by 4 concurrent clients for `seconds`
 *     before the re-plan and during it; the ratio is commands/s during ÷ before (target ≥ 0.7).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/calendar/replan.ts [cases=100000] [seconds=10]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import knexPkg from 'knex';
import { openDatabase, migrateToLatest } from '../../engine/store/database.js';
import { Clock } from '../../engine/runner/clock.js';
import { ModelCache } from '../../engine/service/models.js';
import { Engine } from '../../engine/service/engine.js';
import { insertTenant } from '../../engine/store/tenants.js';
import { addHoliday } from '../../engine/service/calendars.js';
import type { Actor } from '../../engine/service/actor.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (the bench needs PostgreSQL)');
const cases = Number(process.argv[2] ?? 100_000);
const seconds = Number(process.argv[3] ?? 10);
const admin = knexPkg.knex({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
const dbName = `alur_bench_replan_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(base), { pathname: `/${dbName}` }).toString();

const bpmn = (id: string, sla: boolean) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:alur="http://alur.go.id/schema/bpmn/1.0" id="D_${id}" targetNamespace="http://alur.example/bench">
  <bpmn:process id="${id}" isExecutable="true">${sla ? '<bpmn:extensionElements><alur:sla workingDays="5"/></bpmn:extensionElements>' : ''}
    <bpmn:startEvent id="S"/><bpmn:userTask id="T" name="Periksa"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="loket"/>${sla ? '<alur:sla workingDays="3"/>' : ''}</bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="E"/><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>`);

async function main(): Promise<void> {
  await admin.raw(`CREATE DATABASE ${dbName}`);
  const db = await openDatabase({ databaseUrl: dbUrl, poolMax: 20 });
  try {
    await migrateToLatest(db.knex);
    const clock = new Clock();
    clock.pin(new Date('2026-12-01T08:00:00Z')); // Tuesday 15:00 WIB
    const engine = new Engine({ knex: db.knex, clock, models: new ModelCache() });
    await insertTenant(db.knex, { id: 'bench', name: 'Bench', created_at: clock.now() });
    const actor: Actor = { id: randomUUID(), username: 'bench-admin', tenant: 'bench', roles: ['admin', 'analyst', 'staff'], groups: ['loket'] };
    await engine.deploy(actor, [{ name: 'izin.bpmn', content: bpmn('izin', true) }, { name: 'surat.bpmn', content: bpmn('surat', false) }]);
    const first = await engine.startInstance(actor, { processKey: 'izin' });

    // N - 1 copies of the first case and its task, by SQL (seeding through the engine takes too long).
    const seedStart = performance.now();
    await db.knex.raw(`insert into process_instance (id, tenant_id, definition_id, process_key, process_version, business_key, state, snapshot, version, parent_instance_id, started_by, started_at, ended_at, active_elements, completed_elements, sla_working_days, sla_due_at, sla_paused_at, sla_state)
      select g.id, tenant_id, definition_id, process_key, process_version, business_key, state, jsonb_set(snapshot, '{id}', to_jsonb(g.id::text)), version, null, started_by, started_at, ended_at, active_elements, completed_elements, sla_working_days, sla_due_at, sla_paused_at, sla_state
      from process_instance, (select gen_random_uuid() as id from generate_series(1, ?)) g where process_instance.id = ?`, [cases - 1, first.instanceId]);
    await db.knex.raw(`insert into user_task (id, tenant_id, instance_id, key, element_id, name, process_key, business_key, assignee, candidate_groups, candidate_users, due_at, follow_up_at, priority, form_id, state, created_at, completed_at, completed_by, due_from, due_working_days)
      select gen_random_uuid(), t.tenant_id, i.id, t.key, t.element_id, t.name, t.process_key, t.business_key, t.assignee, t.candidate_groups, t.candidate_users, t.due_at, t.follow_up_at, t.priority, t.form_id, t.state, t.created_at, null, null, t.due_from, t.due_working_days
      from process_instance i, user_task t where t.instance_id = ? and i.tenant_id = 'bench' and i.process_key = 'izin' and i.id <> ?`, [first.instanceId, first.instanceId]);
    await db.knex.raw('analyze');
    console.log(`seeded ${cases} cases with an SLA and a task due in working days in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    // Work for the commands: cases of a process without deadlines, whose tasks get completed.
    const spare: string[] = [];
    for (let i = 0; i < 1600 * seconds; i++) spare.push((await engine.startInstance(actor, { processKey: 'surat' })).tasks[0].id);
    const commands = async (ms: number): Promise<number> => {
      let done = 0;
      const until = performance.now() + ms;
      await Promise.all(Array.from({ length: 4 }, async () => {
        while (performance.now() < until) {
          const id = spare.pop();
          if (!id) throw new Error('out of spare tasks: raise their number');
          await engine.completeTask(actor, id, {});
          done++;
        }
      }));
      return done / (ms / 1000);
    };

    // Baseline: the same rows' deadline columns in plain UPDATEs, one day later and back.
    const baseStart = performance.now();
    await db.knex.raw("update user_task set due_at = due_at + interval '1 day' where tenant_id = 'bench' and process_key = 'izin' and state = 'open'");
    await db.knex.raw("update process_instance set sla_due_at = sla_due_at + interval '1 day' where tenant_id = 'bench' and process_key = 'izin'");
    const baseline = (performance.now() - baseStart) / 1000;
    await db.knex.raw("update user_task set due_at = due_at - interval '1 day' where tenant_id = 'bench' and process_key = 'izin' and state = 'open'");
    await db.knex.raw("update process_instance set sla_due_at = sla_due_at - interval '1 day' where tenant_id = 'bench' and process_key = 'izin'");

    const before = await commands(seconds * 1000);
    const replanStart = performance.now();
    let replanEnd = 0;
    const replan = addHoliday(db.knex, engine.deps, actor, { date: '2026-12-03', name: 'Pemungutan suara', kind: 'national' }).then(() => { replanEnd = performance.now(); });
    // Commands while the re-plan runs (at most `seconds`, or until it is done).
    let during = 0;
    let duringMs = 0;
    {
      let done = 0;
      await Promise.all(Array.from({ length: 4 }, async () => {
        while (!replanEnd && performance.now() - replanStart < seconds * 1000 && spare.length) {
          await engine.completeTask(actor, spare.pop()!, {});
          done++;
        }
      }));
      duringMs = (replanEnd || performance.now()) - replanStart;
      during = done / (duringMs / 1000);
    }
    await replan;
    const took = (replanEnd - replanStart) / 1000;
    const moved = await db.knex('user_task').where({ tenant_id: 'bench', process_key: 'izin', state: 'open', due_at: new Date('2026-12-07T08:00:00Z') }).count<{ count: string }[]>('* as count');
    const slaMoved = await db.knex('process_instance').where({ tenant_id: 'bench', process_key: 'izin', sla_due_at: new Date('2026-12-09T08:00:00Z') }).count<{ count: string }[]>('* as count');
    const history = await db.knex('history').where({ tenant_id: 'bench', type: 'deadline.replanned' }).count<{ count: string }[]>('* as count');
    console.log(`re-plan of ${cases} cases (${2 * cases} deadlines): ${took.toFixed(1)} s; tasks moved ${moved[0].count}, SLAs moved ${slaMoved[0].count}, history entries ${history[0].count}`);
    console.log(`baseline (plain UPDATE of the same deadline columns): ${baseline.toFixed(2)} s; re-plan ÷ baseline ${(took / baseline).toFixed(1)}`);
    console.log(`commands/s before ${before.toFixed(1)}, during the re-plan ${during.toFixed(1)} (over ${(duringMs / 1000).toFixed(1)} s): ratio ${(during / before).toFixed(2)} (target ≥ 0.7)`);
  } finally {
    await db.close();
    await admin.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
