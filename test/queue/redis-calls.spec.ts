/**
 * Redis commands per BullMQ job (with and without eager continuation), pinned like the statements per job (test/api/round-trips.spec.ts):
 * every command is a round trip to Redis and CPU in the worker (bench/README.md, "queue"). Counted
 * on every ioredis connection of this process (the runner's and the workers', BullMQ's duplicates
 * included) while a chain of service tasks runs; maintenance that runs by the clock (passes, lock
 * renewal, stalled checks) is set far out so only the jobs' own commands are counted.
 */
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { describeQueue, openQueueHarness, waitFor, type QueueHarness } from './support.js';
import { chainProcess } from './processes.js';
import { findInstance } from '../../engine/store/instances.js';
import { jobQueueName } from '../../engine/runner/queue/names.js';

interface Sent { name: string; args: unknown[] }

/** Every command ioredis sends from this process while `run` runs (pipelined ones included: they go through sendCommand too), except on `quiet`. */
async function commandsDuring<T>(quiet: Redis, run: () => Promise<T>): Promise<{ result: T; sent: Sent[] }> {
  const sent: Sent[] = [];
  const proto = Redis.prototype as unknown as { sendCommand: (command: Sent, ...rest: unknown[]) => unknown };
  const original = proto.sendCommand;
  proto.sendCommand = function (this: unknown, command: Sent, ...rest: unknown[]) {
    if (this === quiet) return original.call(this, command, ...rest);
    const scripts = (this as { scriptsSet?: Record<string, { sha: string }> }).scriptsSet ?? {};
    const script = command.name === 'evalsha' || command.name === 'eval' ? Object.keys(scripts).find((k) => scripts[k].sha === command.args[0] || (scripts[k] as unknown as { lua?: string }).lua === command.args[0]) : undefined;
    sent.push({ name: script ? `${command.name} ${script.replace(/:.*$/, '')}` : command.name, args: command.args });
    return original.call(this, command, ...rest);
  };
  try {
    return { result: await run(), sent };
  } finally {
    proto.sendCommand = original;
  }
}

const INSTANCES = 20;
const TASKS = 3;
/** Jobs a worker of one type runs at once (queueOptions' default limit). */
const CONCURRENCY = 4;

/** Runs INSTANCES chains of TASKS jobs from a backlog; returns what Redis was sent while they ran. */
async function runBacklog(h: QueueHarness, handlerMs = 0): Promise<Sent[]> {
  // The handler waits at a gate until the backlog is there, so the queue never runs dry mid-count.
  let open!: () => void;
  const gate = new Promise<void>((resolve) => { open = resolve; });
  h.registry.register('langkah', async () => {
    await gate;
    if (handlerMs) await new Promise((r) => setTimeout(r, handlerMs));
    return { variables: {} };
  });
  await h.runner.start();
  await h.engine.deploy(h.analyst, [chainProcess('rantai', TASKS, 'langkah')]);
  const ids: string[] = [];
  for (let i = 0; i < INSTANCES; i++) ids.push((await h.engine.startInstance(h.analyst, { processKey: 'rantai' })).instanceId);
  await waitFor(async () => (await h.runner.queues.jobs('langkah').getJobCounts('waiting')).waiting === INSTANCES - CONCURRENCY, 15_000, 'the backlog');
  // Waited for on the spec's own connection (not counted). Each instance's last job is the end of
  // its chain in both modes, so its queue job is the last to complete: wait for the instances.
  const { sent } = await commandsDuring(h.redis, async () => {
    open();
    await waitFor(async () => {
      const states = await Promise.all(ids.map(async (id) => (await findInstance(h.db.knex, h.tenant, id))?.state));
      return states.every((s) => s === 'completed');
    }, 30_000, 'every instance');
    // BullMQ records a completion after the instance's commit.
    await waitFor(async () => (await h.redis.llen(`${h.prefix}:${jobQueueName('langkah')}:active`)) === 0, 15_000, 'no active job');
  });
  const rows = await h.db.knex('job').where({ tenant_id: h.tenant }).select('state');
  expect(rows.map((r: { state: string }) => r.state)).to.deep.equal(Array(INSTANCES * TASKS).fill('completed'));
  return sent;
}

const count = (sent: Sent[], name: string) => sent.filter((s) => s.name === name).length;

describeQueue('queue mode: Redis commands per job [postgres + redis]', function (this: Mocha.Suite) {
  this.timeout(60_000);
  let h: QueueHarness;
  afterEach(async () => { await h?.close(); });
  const quiet = { pollMs: 600_000, reconcileMs: 600_000, lockMs: 600_000, stalledIntervalMs: 600_000 };

  it('given a backlog of chains and eager continuation, a worker runs each case\'s chain in one delivery: one completion per case and no add, whatever the chain\'s length', async () => {
    h = await openQueueHarness(quiet);
    const sent = await runBacklog(h);
    // The first job of each case came from the queue; the rest were taken by the statement that finished the one before.
    expect(count(sent, 'evalsha moveToFinished')).to.equal(INSTANCES);
    expect(count(sent, 'evalsha addStandardJob')).to.equal(0);
    const rest = sent.filter((s) => s.name !== 'evalsha moveToFinished');
    expect(rest.length, rest.map((s) => s.name).join(', ')).to.be.at.most(2 * CONCURRENCY);
  });

  it('given a backlog of chains and no continuation (ALUR_QUEUE_CHAIN_MAX=1), each job costs Redis two commands: its add (by the command that opened it) and its completion, which also takes the next job', async () => {
    h = await openQueueHarness({ ...quiet, chain: { max: 1, ms: 2000 } });
    const sent = await runBacklog(h);
    const jobs = INSTANCES * TASKS;
    // Each job that finishes is one moveToFinished; each job a finished one opens is one add (no MULTI, no pipeline of its own).
    expect(count(sent, 'evalsha moveToFinished')).to.equal(jobs);
    expect(count(sent, 'evalsha addStandardJob')).to.equal(jobs - INSTANCES);
    // Besides those two, only the slots going idle at the end: a fixed handful, not a command per job.
    const rest = sent.filter((s) => s.name !== 'evalsha moveToFinished' && s.name !== 'evalsha addStandardJob');
    expect(rest.length, rest.map((s) => s.name).join(', ')).to.be.at.most(2 * CONCURRENCY);
    expect(sent.length).to.be.at.most(2 * jobs);
  });

  it('given chain.max 2, a chain of three goes back to the queue after two jobs: one add per case', async () => {
    h = await openQueueHarness({ ...quiet, chain: { max: 2, ms: 60_000 } });
    const sent = await runBacklog(h);
    // Jobs 1–2 in one delivery; job 3 through the queue.
    expect(count(sent, 'evalsha addStandardJob')).to.equal(INSTANCES);
    expect(count(sent, 'evalsha moveToFinished')).to.equal(2 * INSTANCES);
  });

  it('given chain.ms shorter than a job, a worker starts no second job in a delivery: each job goes through the queue', async () => {
    h = await openQueueHarness({ ...quiet, chain: { max: 10, ms: 1 } });
    const sent = await runBacklog(h, 5);
    expect(count(sent, 'evalsha addStandardJob')).to.equal(INSTANCES * TASKS - INSTANCES);
  });
});
