/**
 * When an instance ends, nothing of it may stay waiting: open tasks become cancelled, jobs are
 * cancelled, timers and subscriptions go. The core already emits the closing effects; this is the
 * belt to its braces, so a projection can never outlive its instance.
 */
import type { Knex } from 'knex';
import { WrittenSql, placeholders } from './written-sql.js';

/**
 * The clean-up writes, one per table (so a write batch can send them as one statement). Rows the
 * same step writes itself are left to those writes, so no two parts of the statement touch one
 * row: those of its effects' keys (`stepKeys`) and the job row its input finishes (`finishedJob`).
 * Only that one row of the input's job: another attempt of the same job (a retry enqueued before a
 * late completion of the first) is still waiting and must be cancelled like any other.
 */
export function cleanUpEndedInstance(instanceId: string, now: Date, stepKeys: readonly number[] = [], finishedJob?: string): [table: string, query: WrittenSql][] {
  const spared = stepKeys.length ? ` and "key" not in ${placeholders(stepKeys.length)}` : '';
  const rows = (sql: string, values: Knex.Value[], more = '', moreValues: Knex.Value[] = []) =>
    new WrittenSql(`${sql} where "instance_id" = ?${spared}${more}`, [...values, instanceId, ...stepKeys, ...moreValues]);
  const notJob = finishedJob === undefined ? '' : ' and not "id" = ?';
  return [
    ['user_task', rows('update "user_task" set "state" = ?, "completed_at" = ?', ['cancelled', now], ' and "state" = ?', ['open'])],
    ['job', rows('update "job" set "state" = ?, "locked_until" = ?', ['cancelled', null], `${notJob} and "state" in (?, ?)`, [...(finishedJob === undefined ? [] : [finishedJob]), 'ready', 'running'])],
    ['timer', rows('delete from "timer"', [])],
    ['message_subscription', rows('delete from "message_subscription"', [])],
    ['signal_subscription', rows('delete from "signal_subscription"', [])],
  ];
}
