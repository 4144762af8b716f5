/**
 * Tasks opened before the snapshot kept its working-day plan: from 04:00 to 06:36 UTC on 7 December
 * 2026 (commits 26ef16c..8af1e0e) a task due in working days got `user_task.due_from` and
 * `due_working_days`, but its element instance in the snapshot no `d` — and since 8af1e0e a
 * calendar change re-plans from the snapshot (engine/core/replan.ts), so such a task's due date
 * never moved. This copies the row's plan into the snapshot (`els[key].d = { from, n, at }`, as
 * engine/core/elements/user-task.ts writes it), raising the instance's version. An instance with
 * several such tasks takes one per round (an UPDATE … FROM changes a row once), so it loops.
 * Down leaves the snapshots alone: `d` is what the current engine writes anyway.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  for (;;) {
    const result = await knex.raw(`update process_instance i
      set snapshot = jsonb_set(i.snapshot, array['els', t.key::text, 'd'], jsonb_build_object(
            'from', t.due_from, 'n', t.due_working_days,
            'at', to_char(t.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
          version = i.version + 1
      from user_task t
      where t.instance_id = i.id and t.state = 'open' and t.due_working_days is not null and t.due_from is not null and t.due_at is not null
        and i.state = 'active' and jsonb_typeof(i.snapshot -> 'els' -> (t.key::text)) = 'object'
        and i.snapshot -> 'els' -> (t.key::text) -> 'd' is null`);
    if (!result.rowCount) break;
  }
}

export async function down(): Promise<void> {}
