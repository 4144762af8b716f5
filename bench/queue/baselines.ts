/**
 * The baselines measured in the same run as Alur: `pgbench -N` (simple updates, the ceiling of
 * small write transactions on this PostgreSQL) and a no-op BullMQ queue (the ceiling of the
 * queue itself: add + take + complete, nothing else).
 */
import { execFileSync } from 'node:child_process';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

export function pgbench(url: string, db: string, seconds: number, clients: number): number {
  const u = new URL(url);
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  execFileSync('psql', [...args, '-qc', `CREATE DATABASE ${db}`]);
  try {
    execFileSync('pgbench', [...args, '-i', '-q', '-s', '1', db], { stdio: 'ignore' });
    const out = execFileSync('pgbench', [...args, '-N', '-c', String(clients), '-j', '2', '-T', String(seconds), db], { encoding: 'utf8' });
    const m = /tps = ([\d.]+)/.exec(out);
    if (!m) throw new Error(`no tps in pgbench output:\n${out}`);
    return Number(m[1]);
  } finally {
    execFileSync('psql', [...args, '-qc', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`]);
  }
}

/** Jobs per second through one BullMQ queue with a no-op processor (in this process). */
export async function noopBullmq(redisUrl: string, prefix: string, jobs: number, concurrency: number): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('noop', { connection, prefix, defaultJobOptions: { removeOnComplete: { age: 3600, count: 100_000 }, removeOnFail: true } });
  let done = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => { resolveAll = r; });
  const begin = Date.now();
  for (let i = 0; i < jobs; i += 500) {
    await queue.addBulk(Array.from({ length: Math.min(500, jobs - i) }, (_, k) => ({ name: 'noop', data: { jobId: `j${i + k}` }, opts: { jobId: `noop-${i + k}` } })));
  }
  const worker = new Worker('noop', async () => {
    if (++done === jobs) resolveAll();
  }, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency });
  await all;
  const rate = jobs / ((Date.now() - begin) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return rate;
}
