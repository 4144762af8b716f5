/** A whole permit process (fixtures/izin-usaha.bpmn) walked through its paths on the in-memory host. */
import { expect } from 'chai';
import { given, vars, active, elementKey, historyOf, effectsOf } from './support.js';

type Engine = Awaited<ReturnType<typeof given>>;
const open = (engine: Engine, id: string) => engine.openTasks(id).map((t) => t.task.elementId).sort();

describe('permit scenario (izin-usaha.bpmn)', () => {
  it('given no survey locations, when verified, then the NIB check runs and, paid, the permit is issued', async () => {
    const engine = await given('izin-usaha.bpmn', { handlers: { 'cek-nib': () => ({ nibValid: true }) } });
    const id = engine.start('izin-usaha', { nomor: 'B1', lokasi: [] });
    expect(engine.openTasks(id)[0].task).to.deep.include({ candidateGroups: ['petugas-loket', 'kasi'], priority: 70, formId: 'form-verifikasi', dueDate: '2026-01-04T00:00:00.000Z' });
    engine.completeTask(id, 'verifikasi');
    engine.runJobs();
    expect(active(engine, id)).to.deep.equal(['tungguBayar']);
    engine.publish('pembayaran', 'B1', { dibayar: 100000 });
    expect(engine.state(id).status).to.equal('completed');
    expect(vars(engine, id)).to.include({ nomorIzin: 'IZ-B1', nibValid: true, dibayar: 100000 });
  });

  it('given the NIB check rejects with DITOLAK, when caught, then the terminate end event ends the whole instance', async () => {
    const engine = await given('izin-usaha.bpmn', { handlers: { 'cek-nib': () => { throw { bpmnError: 'DITOLAK' }; } } });
    const id = engine.start('izin-usaha', { nomor: 'B2', lokasi: [] });
    engine.completeTask(id, 'verifikasi');
    engine.runJobs();
    expect(engine.state(id).status).to.equal('terminated');
    expect(engine.messages.size).to.equal(0);
  });

  it('given two survey locations, when both visits are rated, then the scores decide the permit', async () => {
    const engine = await given('izin-usaha.bpmn');
    const id = engine.start('izin-usaha', { nomor: 'B3', lokasi: [{ petugas: 'budi' }, { petugas: 'siti' }] });
    engine.completeTask(id, 'verifikasi');
    const visits = engine.openTasks(id).filter((t) => t.task.elementId === 'kunjungan').sort((a, b) => a.key - b.key);
    expect(visits.map((v) => v.task.candidateUsers)).to.deep.equal([['budi'], ['siti']]);
    engine.send(id, { type: 'task.complete', key: visits[0].key, variables: { kondisi: 'baik' } });
    engine.send(id, { type: 'task.complete', key: visits[1].key, variables: { kondisi: 'buruk' } });
    expect(vars(engine, id).hasilSurvei).to.deep.equal([10, 3]);
    engine.publish('pembayaran', 'B3');
    expect(vars(engine, id).nomorIzin).to.equal('IZ-B3');
  });

  it('given poor survey scores, when paid, then the default flow ends without a permit', async () => {
    const engine = await given('izin-usaha.bpmn');
    const id = engine.start('izin-usaha', { nomor: 'B4', lokasi: [{ petugas: 'budi' }] });
    engine.completeTask(id, 'verifikasi');
    engine.completeTask(id, 'kunjungan', { kondisi: 'buruk' });
    engine.publish('pembayaran', 'B4');
    expect(engine.state(id).status).to.equal('completed');
    expect(vars(engine, id)).to.not.have.property('nomorIzin');
  });

  it('given verification takes days, when the reminder cycle fires twice, then two reminder jobs run and the task stays open', async () => {
    const engine = await given('izin-usaha.bpmn', { handlers: { 'kirim-pengingat': () => ({}) } });
    const id = engine.start('izin-usaha', { nomor: 'B5', lokasi: [] });
    engine.advance(5 * 86_400_000);
    expect(historyOf(engine, id, 'job.completed').map((h) => h.elementId)).to.deep.equal(['kirimPengingat', 'kirimPengingat']);
    expect(open(engine, id)).to.deep.equal(['verifikasi']);
  });

  it('given a cancellation message at any point, when it arrives, then the event subprocess ends the instance and closes the open tasks', async () => {
    const engine = await given('izin-usaha.bpmn');
    const id = engine.start('izin-usaha', { nomor: 'B6', lokasi: [{ petugas: 'budi' }] });
    engine.completeTask(id, 'verifikasi');
    const visit = elementKey(engine, id, 'kunjungan');
    const key = Number(Object.entries(engine.state(id).subs!).find(([, s]) => s.e === 'batalMulai')![0]);
    const r = engine.send(id, { type: 'message.correlate', key, name: 'pembatalan', variables: { alasan: 'ditarik pemohon' } });
    expect(effectsOf(r, 'task.close')).to.deep.equal([{ type: 'task.close', key: visit, reason: 'cancelled' }]);
    expect(engine.state(id).status).to.equal('completed');
    expect(vars(engine, id).alasan).to.equal('ditarik pemohon');
  });
});
