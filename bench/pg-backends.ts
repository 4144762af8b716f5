/**
 * CPU time used by the PostgreSQL backends of one database, from /proc (Linux, PostgreSQL on this
 * machine): the database's share of a command's cost, which the client side's figures do not
 * show. A backend's process title is `postgres: <cluster>: <user> <database> <client> <state>`.
 * Backends that end between two readings lose their CPU from the sum; the benches keep their
 * connections open for the whole measurement.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** CPU ms (user + system) used so far by each backend of `database`, by pid. */
export function backendCpu(database: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const title = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (!title.startsWith('postgres: ') || title.split(' ')[3] !== database) continue;
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(Number(name), ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch { /* gone meanwhile */ }
  }
  return out;
}

/** CPU ms the backends of `database` used since `before` (a backend new since then counts from zero). */
export function backendCpuSince(database: string, before: Map<number, number>): number {
  let ms = 0;
  for (const [pid, cpu] of backendCpu(database)) ms += cpu - (before.get(pid) ?? 0);
  return ms;
}
