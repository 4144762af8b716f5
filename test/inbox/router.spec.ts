/** The inbox's hash routes (inbox/src/router.ts): list state lives in the URL. */
import { expect } from 'chai';
import { accountHref, listHref, parseRoute, taskHref } from '../../inbox/src/router.js';

describe('inbox routes', () => {
  it('given no hash, then it is the first page of my tasks sorted by deadline', () => {
    expect(parseRoute('')).to.deep.equal({ view: 'list', tab: 'mine', sort: 'dueDate', q: '', page: 1 });
  });

  it('given a list hash, when parsed and rebuilt, then it round-trips', () => {
    const route = { view: 'list' as const, tab: 'candidate' as const, sort: 'priority' as const, q: 'IZN 0012', page: 3 };
    expect(parseRoute(listHref(route))).to.deep.equal(route);
  });

  it('given unknown values, then it falls back to the defaults instead of failing', () => {
    expect(parseRoute('#/tasks?tab=everything&sort=name&page=-4')).to.deep.equal({ view: 'list', tab: 'mine', sort: 'dueDate', q: '', page: 1 });
  });

  it('given a task id with reserved characters, then the task route carries it intact', () => {
    expect(parseRoute(taskHref('a/b c'))).to.deep.equal({ view: 'task', id: 'a/b c' });
  });

  it('given the account hash, then it is the user\'s own account page', () => {
    expect(parseRoute(accountHref())).to.deep.equal({ view: 'account' });
  });
});
