/**
 * bench/core: Alur's core against bpmn-engine on the same machine in the same run.
 * Shapes: (a) 5 service tasks, (b) one user task, (c) a 10-branch parallel fork/join.
 * Reports instances/s for each engine and the ratio, and heap bytes per waiting instance.
 * Run: npm run bench:core   (node --expose-gc; sizes via BENCH_SECONDS, BENCH_WAITING)
 */
import { compileBpmn } from '../../engine/bpmn/compile.js';
import type { ProcessModel } from '../../engine/core/model.js';
import * as alur from './alur.js';
import * as other from './bpmn-engine.js';
import { fiveServiceTasks, oneUserTask, tenBranches } from './shapes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WAITING = Number(process.env.BENCH_WAITING ?? 5000);
const now = '2026-11-29T00:00:00.000Z';

async function model(xml: string): Promise<ProcessModel> {
  const r = await compileBpmn(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.definitions.processes[0];
}

/** Runs `once` repeatedly for about SECONDS and returns instances per second. */
async function rate(once: (i: number) => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 50; i++) await once(i); // warm-up
  const start = process.hrtime.bigint();
  const until = start + BigInt(SECONDS * 1e9);
  let n = 0;
  while (process.hrtime.bigint() < until) {
    for (let j = 0; j < 20; j++) await once(n++);
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run with node --expose-gc');
  g();
  g();
}

async function heapPerWaiting(start: (i: number) => unknown | Promise<unknown>): Promise<number> {
  const keep: unknown[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < WAITING; i++) keep.push(await start(i));
  gc();
  const after = process.memoryUsage().heapUsed;
  if (keep.length !== WAITING) throw new Error('lost instances');
  return (after - before) / WAITING;
}

async function main(): Promise<void> {
  const shapes = [
    { name: '(a) start → 5 service tasks → end', xml: fiveServiceTasks() },
    { name: '(b) start → user task → end', xml: oneUserTask() },
    { name: '(c) 10-branch parallel fork/join', xml: tenBranches() },
  ];
  console.log(`bench/core — ${new Date().toISOString()} — node ${process.version}, ${SECONDS}s per measurement\n`);
  console.log('| shape | Alur core (inst/s) | bpmn-engine (inst/s) | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const s of shapes) {
    const m = await model(s.xml);
    const ctx = await other.parse(s.xml);
    const a = await rate((i) => alur.runToEnd(m, `i${i}`, now));
    const b = await rate((i) => other.runToEnd(ctx, `e${i}`));
    console.log(`| ${s.name} | ${Math.round(a).toLocaleString('en')} | ${Math.round(b).toLocaleString('en')} | ${(a / b).toFixed(1)}× |`);
  }
  const m = await model(oneUserTask());
  const ctx = await other.parse(oneUserTask());
  const ha = await heapPerWaiting((i) => alur.startWaiting(m, `w${i}`, now));
  const hb = await heapPerWaiting((i) => other.startWaiting(ctx, `w${i}`));
  const size = JSON.stringify(alur.startWaiting(m, 'w', now)).length;
  console.log(`\nheap per waiting instance (one user task, ${WAITING} instances): Alur ${Math.round(ha).toLocaleString('en')} B, bpmn-engine ${Math.round(hb).toLocaleString('en')} B (${(hb / ha).toFixed(1)}× less for Alur)`);
  console.log(`Alur snapshot of that waiting instance: ${size} bytes of JSON`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
