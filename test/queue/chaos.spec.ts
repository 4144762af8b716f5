/**
 * A CI-sized chaos run (`npm run chaos` is the full 1,000): worker processes SIGKILLed and
 * restarted while instances with service tasks, a timer and a parallel join run; everything
 * completes, each element exactly once, nothing left queued. Needs DATABASE_URL and REDIS_URL.
 */
import { expect } from 'chai';
import { describeQueue } from './support.js';
import { runChaos } from './chaos.js';

describeQueue('queue mode: chaos (CI size) [postgres + redis]', function (this: Mocha.Suite) {
  this.timeout(300_000);

  it('given 3 workers with one SIGKILLed every 2 seconds, when 60 instances run, then all complete with each element once and no job left', async () => {
    // Handler runs of ~300 ms keep the workers busy, so the kills land on work in progress (a
    // redelivery is required): with the default 5 ms, 240 jobs on a quiet machine were done between
    // kills and the run proved nothing about recovery.
    const result = await runChaos({ instances: 60, workers: 3, killEveryMs: 2000, timeoutMs: 240_000, workMs: 300, log: () => {} });
    expect(result.problems).to.deep.equal([]);
    expect(result.counts).to.include({ instances: 60, completed: 60, timersLeft: 0, queueLeft: 0 });
    expect(result.counts.kills).to.be.greaterThan(0);
  });
});
