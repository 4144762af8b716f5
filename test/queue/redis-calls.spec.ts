/**
 * Redis commands per BullMQ job, pinned like the statements per job (test/api/round-trips.spec.ts):
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

describeQueue('queue mode: Redis commands per job [postgres + redis]', function (this: Mocha.Suite) {
  this.timeout(60_000);
  let h: QueueHarness;
  afterEach(async () => { await h?.close(); });

  it('given a backlog of chains, each job costs Redis two commands: its add (by the command that opened it) and its completion, which also takes the next job', async () => {
    h = await openQueueHarness({ pollMs: 600_000, reconcileMs: 600_000, lockMs: 600_000, stalledIntervalMs: 600_000 });
    // The handler waits at a gate until the backlog is there, so the queue never runs dry mid-count.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    h.registry.register('langkah', async () => { await gate; return { variables: {} }; });
    await h.runner.start();
    await h.engine.deploy(h.analyst, [chainProcess('rantai', TASKS, 'langkah')]);
    const ids: string[] = [];
    for (let i = 0; i < INSTANCES; i++) ids.push((await h.engine.startInstance(h.analyst, { processKey: 'rantai' })).instanceId);
    await waitFor(async () => (await h.runner.queues.jobs('langkah').getJobCounts('waiting')).waiting === INSTANCES - CONCURRENCY, 15_000, 'the backlog');
    const jobs = INSTANCES * TASKS;
    // Waited for on the spec's own connection (not counted): BullMQ records a completion after the instance's commit.
    const { sent } = await commandsDuring(h.redis, async () => {
      open();
      await waitFor(async () => (await h.redis.zcard(`${h.prefix}:${jobQueueName('langkah')}:completed`)) === jobs, 30_000, 'every job');
    });
    for (const id of ids) expect((await findInstance(h.db.knex, h.tenant, id))?.state).to.equal('completed');
    const count = (name: string) => sent.filter((s) => s.name === name).length;
    // Each job that finishes is one moveToFinished; each job a finished one opens is one add (no MULTI, no pipeline of its own).
    expect(count('evalsha moveToFinished')).to.equal(jobs);
    expect(count('evalsha addStandardJob')).to.equal(jobs - INSTANCES);
    // Besides those two, only the slots going idle at the end: a fixed handful, not a command per job.
    const rest = sent.filter((s) => s.name !== 'evalsha moveToFinished' && s.name !== 'evalsha addStandardJob');
    expect(rest.length, rest.map((s) => s.name).join(', ')).to.be.at.most(2 * CONCURRENCY);
    expect(sent.length).to.be.at.most(2 * jobs);
  });
});
