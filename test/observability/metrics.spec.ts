/**
 * The command metrics: each committed command counts once under its name and how it ran, so an
 * operator sees how often the one-statement path falls back to a transaction.
 */
import { expect } from 'chai';
import { createMetrics, metricsObserver } from '../../engine/observability/metrics.js';

describe('metrics: commands by how they ran', () => {
  it('given commands run as one statement and in a transaction, then alur_commands_total counts each by command and mode', async () => {
    const metrics = createMetrics();
    const observer = metricsObserver(metrics);
    const event = { seconds: 0.01, statements: 1, enqueued: [], scheduled: false };
    observer.committed!({ ...event, command: 'startInstance', inTransaction: false });
    observer.committed!({ ...event, command: 'startInstance', inTransaction: false });
    observer.committed!({ ...event, command: 'completeTask', inTransaction: true, statements: 4 });
    observer.failed!({ command: 'completeTask', seconds: 0.01, error: new Error('refused') });
    const text = await metrics.registry.metrics();
    expect(text).to.contain('alur_commands_total{command="startInstance",mode="statement"} 2');
    expect(text).to.contain('alur_commands_total{command="completeTask",mode="transaction"} 1');
    // A refused command wrote nothing: it is timed, not counted.
    expect(text).not.to.contain('alur_commands_total{command="completeTask",mode="statement"}');
  });
});
