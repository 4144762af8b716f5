/**
 * Background work (a calendar re-plan) paces itself by how long this process's commands take
 * (engine/service/command-pace.ts): latencies are given, nothing is timed.
 */
import { expect } from 'chai';
import { CommandPace, Pacer } from '../../engine/service/command-pace.js';

function commands(pace: CommandPace, seconds: number, n: number): void {
  for (let i = 0; i < n; i++) pace.record(seconds);
}

describe('service: command pace', () => {
  it('gives the mean of the commands since a mark, and of the recent ones only when there are enough', () => {
    const pace = new CommandPace();
    expect(pace.recentMean(60_000, 16)).to.equal(undefined);
    commands(pace, 0.01, 20);
    expect(pace.recentMean(60_000, 16)).to.be.closeTo(0.01, 1e-9);
    const mark = pace.mark();
    commands(pace, 0.03, 3);
    pace.record(0.51);
    expect(pace.meanSince(mark).n).to.equal(4);
    expect(pace.meanSince(mark).mean, 'one slow command weighs: the rate follows the mean').to.be.closeTo(0.15, 1e-9);
    expect(pace.recentMean(60_000, 16, performance.now() + 120_000), 'nothing in the last minute').to.equal(undefined);
  });

  it('given commands before, starts one piece at a time and widens while they keep their pace', () => {
    const pace = new CommandPace();
    commands(pace, 0.01, 32);
    const pacer = new Pacer(pace, 3, () => 0);
    expect(pacer.width).to.equal(1);
    for (const want of [2, 3, 3]) {
      commands(pace, 0.0105, 8);
      pacer.adjust();
      expect([pacer.width, pacer.pauseMs]).to.deep.equal([want, 0]);
    }
  });

  it('given commands slower than 1.3× of before, narrows to one piece at a time, then pauses longer and longer', () => {
    const pace = new CommandPace();
    commands(pace, 0.01, 32);
    const pacer = new Pacer(pace, 3, () => 0);
    for (let i = 0; i < 2; i++) { commands(pace, 0.01, 8); pacer.adjust(); }
    expect(pacer.width).to.equal(3);
    commands(pace, 0.012, 8);
    pacer.adjust();
    expect([pacer.width, pacer.pauseMs], 'within 1.3×').to.deep.equal([3, 0]);
    for (const want of [[2, 0], [1, 0], [1, 10], [1, 20], [1, 40]]) {
      commands(pace, 0.02, 8);
      pacer.adjust();
      expect([pacer.width, pacer.pauseMs]).to.deep.equal(want);
    }
    commands(pace, 0.02, 7);
    pacer.adjust();
    expect(pacer.pauseMs, 'fewer than 8 commands within a second: no change').to.equal(40);
  });

  it('given commands back under 1.1× of before, shortens the pause, then widens again', () => {
    const pace = new CommandPace();
    commands(pace, 0.01, 32);
    const pacer = new Pacer(pace, 2, () => 0);
    for (let i = 0; i < 3; i++) { commands(pace, 0.05, 8); pacer.adjust(); }
    expect([pacer.width, pacer.pauseMs]).to.deep.equal([1, 40]);
    for (const want of [[1, 20], [1, 10], [1, 0], [2, 0], [2, 0]]) {
      commands(pace, 0.0105, 8);
      pacer.adjust();
      expect([pacer.width, pacer.pauseMs]).to.deep.equal(want);
    }
  });

  it('given no command for a second, speeds up as if nobody waited; a few slow ones in a second still count', () => {
    const pace = new CommandPace();
    commands(pace, 0.01, 32);
    let now = 0;
    const pacer = new Pacer(pace, 2, () => now);
    for (let i = 0; i < 3; i++) { commands(pace, 0.05, 8); pacer.adjust(); }
    expect([pacer.width, pacer.pauseMs]).to.deep.equal([1, 40]);
    now = 500;
    pacer.adjust();
    expect(pacer.pauseMs, 'half a second without commands: not yet').to.equal(40);
    for (const [at, want] of [[1_000, [1, 20]], [2_000, [1, 10]], [3_000, [1, 0]], [4_000, [2, 0]]] as const) {
      now = at;
      pacer.adjust();
      expect([pacer.width, pacer.pauseMs]).to.deep.equal(want);
    }
    commands(pace, 0.05, 2);
    now = 5_000;
    pacer.adjust();
    expect([pacer.width, pacer.pauseMs], 'two slow commands in a second').to.deep.equal([1, 0]);
  });

  it('given no commands before, keeps its full width', () => {
    const pace = new CommandPace();
    const pacer = new Pacer(pace, 3);
    commands(pace, 1, 50);
    pacer.adjust();
    expect([pacer.width, pacer.pauseMs]).to.deep.equal([3, 0]);
  });
});
