/** The inbox's in-page ordering and search of one page of tasks (inbox/src/list-order.ts). */
import { expect } from 'chai';
import { matchesSearch, viewOfPage } from '../../inbox/src/list-order.js';
import type { Task } from '../../inbox/src/types.js';

const task = (id: string, extra: Partial<Task> = {}): Task => ({
  id, name: 'Verifikasi berkas', elementId: 'Task_Verify', processInstanceId: `p-${id}`, processKey: 'izin-usaha', businessKey: `IZN-${id}`,
  assignee: null, candidateGroups: ['verifikator'], candidateUsers: [], dueDate: null, followUpDate: null, priority: 50,
  createdAt: '2026-11-01T00:00:00Z', formId: null, state: 'open', ...extra,
});

describe('inbox list order', () => {
  it('given tasks with and without deadlines, when sorted by due date, then the earliest comes first and none last', () => {
    const items = [task('a'), task('b', { dueDate: '2026-11-03T00:00:00Z' }), task('c', { dueDate: '2026-11-02T00:00:00Z' })];
    expect(viewOfPage(items, 'dueDate', '').items.map((t) => t.id)).to.deep.equal(['c', 'b', 'a']);
  });

  it('given priorities, when sorted by priority, then the highest comes first and equal ones keep the server order', () => {
    const items = [task('a', { priority: 50 }), task('b', { priority: 80 }), task('c', { priority: 50 })];
    expect(viewOfPage(items, 'priority', '').items.map((t) => t.id)).to.deep.equal(['b', 'a', 'c']);
  });

  it('given creation times, when sorted by created, then the newest comes first', () => {
    const items = [task('a', { createdAt: '2026-11-01T00:00:00Z' }), task('b', { createdAt: '2026-11-05T00:00:00Z' })];
    expect(viewOfPage(items, 'createdAt', '').items.map((t) => t.id)).to.deep.equal(['b', 'a']);
  });

  it('given a search, when every task matches (the server searched), then nothing is flagged', () => {
    const view = viewOfPage([task('0012'), task('00123')], 'dueDate', 'izn-0012');
    expect(view.items).to.have.length(2);
    expect(view.searchedLocally).to.equal(false);
  });

  it('given a search the server ignored, when filtering the page, then only matches stay and the page says it searched locally', () => {
    const view = viewOfPage([task('0012'), task('0999', { processKey: 'imb' })], null, 'IZN-0012');
    expect(view.items.map((t) => t.id)).to.deep.equal(['0012']);
    expect(view.searchedLocally).to.equal(true);
  });

  it('matches the process name as well as its key', () => {
    expect(matchesSearch(task('1', { processName: 'Izin Mendirikan Bangunan' }), 'mendirikan')).to.equal(true);
    expect(matchesSearch(task('1'), 'izin-usaha')).to.equal(true);
    expect(matchesSearch(task('1'), 'reklame')).to.equal(false);
  });
});
