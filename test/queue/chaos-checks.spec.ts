/**
 * The chaos run's checks fail on a run that went wrong in each way they look for (and on a run
 * that proved nothing): fed made-up facts, no database or Redis needed.
 */
import { expect } from 'chai';
import { judgeChaos, type ChaosFacts } from './chaos-checks.js';

const elements = ['S', 'A', 'Wait', 'E'];
const serviceTasks = ['A'];

/** Two instances that ran exactly right, with two kills that caused one redelivery. */
function goodRun(): ChaosFacts {
  const history = new Map<string, number>();
  for (const id of ['i1', 'i2']) {
    for (const e of elements) history.set(`${id}|element.completed|${e}`, 1);
    history.set(`${id}|job.completed|A`, 1);
    history.set(`${id}|timer.fired|Wait`, 1);
  }
  return { instanceIds: ['i1', 'i2'], elements, serviceTasks, timer: 'Wait', history, jobRows: { completed: 2 }, timersLeft: 0, queueLeft: 0, queueFailed: 0, kills: 2, handlerRuns: 3 };
}

describe('chaos run checks (test/queue/chaos-checks.ts)', function () {
  it('given a run that went right, then there is no problem', function () {
    expect(judgeChaos(goodRun())).to.deep.equal([]);
  });

  const broken: [string, (f: ChaosFacts) => void, RegExp][] = [
    ['a timer fired twice', (f) => f.history.set('i2|timer.fired|Wait', 2), /instance i2: not exactly once: timer Wait/],
    ['a timer that never fired', (f) => f.history.delete('i1|timer.fired|Wait'), /instance i1: not exactly once: timer Wait/],
    ['an element completed twice', (f) => f.history.set('i1|element.completed|A', 2), /instance i1: not exactly once: A/],
    ['a job completed twice', (f) => f.history.set('i1|job.completed|A', 2), /not exactly once: job A/],
    ['a job row cancelled', (f) => { f.jobRows = { completed: 2, cancelled: 1 }; }, /job rows ended other than completed: \{"cancelled":1\}/],
    ['a job row failed instead of completed', (f) => { f.jobRows = { completed: 1, failed: 1 }; }, /ended other than completed.*failed/],
    ['a failed BullMQ job', (f) => { f.queueFailed = 1; }, /1 BullMQ jobs failed/],
    ['a job left queued', (f) => { f.queueLeft = 1; }, /still queued/],
    ['a timer row left', (f) => { f.timersLeft = 1; }, /timer rows left/],
    ['kills that hit no work in progress', (f) => { f.handlerRuns = 2; }, /no redelivery/],
    ['no kill at all', (f) => { f.kills = 0; }, /no worker was killed/],
  ];
  for (const [what, breakIt, expected] of broken) {
    it(`given ${what}, then the run fails saying so`, function () {
      const facts = goodRun();
      breakIt(facts);
      expect(judgeChaos(facts).join('\n')).to.match(expected);
    });
  }
});
