/** Pantau's case list: a service-standard state only beside cases the service ran to the end or still runs. */
import { expect } from 'chai';
import { slaShown } from '../../designer/src/views/operate-common.js';

describe('Pantau: the service standard beside a case', () => {
  it('given a cancelled, stopped or failed case, then no "Selesai tepat waktu" beside it; given a running or completed one, then its state', () => {
    const met = { state: 'met' };
    expect(['cancelled', 'terminated', 'failed'].map((state) => slaShown({ state, sla: met }))).to.deep.equal([false, false, false]);
    expect(slaShown({ state: 'completed', sla: met })).to.equal(true);
    expect(slaShown({ state: 'active', sla: { state: 'on-track' } })).to.equal(true);
    expect(slaShown({ state: 'active', sla: null })).to.equal(false);
  });
});
