/** Per-type limits from ALUR_QUEUE_LIMITS, queue names and job ids (no Redis needed). */
import { expect } from 'chai';
import { parseTypeLimits } from '../../engine/runner/queue/limits.js';
import { jobQueueName, serviceJobId, timerJobId } from '../../engine/runner/queue/names.js';
import { attemptOf, backoffMs } from '../../engine/runner/execute.js';

describe('queue mode: limits, names, backoff', () => {
  it('given ALUR_QUEUE_LIMITS, when a type is looked up, then its concurrency and rate limit apply and other types get the default', () => {
    const limits = parseTypeLimits('{"nik-check":{"concurrency":2,"max":10,"durationMs":1000},"email":{"concurrency":1}}', 4);
    expect(limits('nik-check')).to.deep.equal({ concurrency: 2, max: 10, durationMs: 1000 });
    expect(limits('email')).to.deep.equal({ concurrency: 1 });
    expect(limits('http')).to.deep.equal({ concurrency: 4 });
  });

  it('given a malformed ALUR_QUEUE_LIMITS, when parsed, then the error names the type and field', () => {
    expect(() => parseTypeLimits('{', 4)).to.throw('not JSON');
    expect(() => parseTypeLimits('[]', 4)).to.throw('must be an object');
    expect(() => parseTypeLimits('{"a":{"concurrency":0}}', 4)).to.throw('ALUR_QUEUE_LIMITS.a.concurrency');
    expect(() => parseTypeLimits('{"a":{"max":5}}', 4)).to.throw('both max and durationMs');
    expect(() => parseTypeLimits('{"a":{"rate":5}}', 4)).to.throw('unknown fields: rate');
  });

  it('given task types and ids, when named for Redis, then no name or id contains ":"', () => {
    expect(jobQueueName('nik-check')).to.equal('alur-job-nik-check');
    expect(jobQueueName('a:b c')).to.not.contain(':').and.not.contain(' ');
    expect(serviceJobId('0b6c-3-1')).to.equal('0b6c-3-1');
    expect(() => serviceJobId('a:b')).to.throw(':');
    expect(timerJobId('t1', new Date(1000), 2)).to.equal('timer-t1-1000-2');
  });

  it('given attempts, when backing off, then the delay doubles per attempt up to the cap', () => {
    expect(attemptOf({ effect_id: '6f1e2c1a-0000-4000-8000-000000000000-7-3' })).to.equal(3);
    expect([1, 2, 3, 4].map((a) => backoffMs(a, { baseMs: 1000, maxMs: 5000 }))).to.deep.equal([1000, 2000, 4000, 5000]);
  });
});
