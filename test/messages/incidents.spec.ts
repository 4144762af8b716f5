/**
 * Issue 16: every kind of incident reads in Bahasa Indonesia and English. The core writes the
 * English message and hands its numbers as params; the catalog's English of the budget kinds says
 * what the core says (capitalised), so the two cannot drift apart unseen.
 */
import { expect } from 'chai';
import { INCIDENT_TYPES } from '../../engine/core/effects.js';
import { catalog } from '../../engine/messages/catalog/index.js';
import { incidentText, render } from '../../engine/messages/index.js';
import { step } from '../../engine/core/index.js';
import { compile } from '../core/support.js';

describe('messages: incidents in both languages', () => {
  for (const type of INCIDENT_TYPES) {
    it(`given incident kind ${type}, then the catalog has it in Indonesian and English`, () => {
      const entry = catalog[`incident.${type}`];
      expect(entry, type).to.be.an('object');
      expect(entry.id, type).to.be.a('string').and.not.equal('');
      expect(entry.en, type).to.be.a('string').and.not.equal('');
      expect(entry.id).to.not.equal(entry.en);
    });
  }

  const budgetKinds: [string, string, Record<string, string | number>, string][] = [
    ['loop-limit', 'more than 200 elements ran in one step without waiting (a cycle without a wait state?)', { max: 200 }, 'Lebih dari 200 elemen berjalan dalam satu langkah tanpa menunggu (putaran tanpa titik tunggu?); ALUR_STEP_MAX_ELEMENTS.'],
    ['step-time', 'the step ran longer than 2000 ms without waiting (ALUR_STEP_TIMEOUT_MS); resolving the incident runs on from here', { ms: 2000 }, 'Langkah ini berjalan lebih dari 2000 ms tanpa menunggu (ALUR_STEP_TIMEOUT_MS); menyelesaikan insiden ini melanjutkan dari sini.'],
    ['multi-instance-limit', 'notify would run 20000 instances; one multi-instance may run at most 15000 (ALUR_MAX_MULTI_INSTANCE_ITEMS)', { element: 'notify', count: 20000, max: 15000 }, 'Notify akan menjalankan 20000 instans; satu multi-instance paling banyak 15000 (ALUR_MAX_MULTI_INSTANCE_ITEMS).'],
    ['call-depth', 'Panggil would start ulang 21 calls deep; a case nests called processes at most 20 deep (ALUR_MAX_CALL_DEPTH)', { element: 'Panggil', process: 'ulang', depth: 21, max: 20 }, 'Panggil akan memulai ulang pada kedalaman panggilan 21; satu berkas paling dalam memanggil proses 20 tingkat (ALUR_MAX_CALL_DEPTH).'],
    ['follow-up-limit', 'it set off more than 25 steps in other cases at once (ALUR_MAX_FOLLOW_UPS): a message or signal going round between processes, or a call activity starting too many processes; what it set off was undone', { max: 25 }, 'Ini memicu lebih dari 25 langkah pada berkas lain sekaligus (ALUR_MAX_FOLLOW_UPS): pesan atau sinyal yang berputar antarproses, atau call activity yang memulai terlalu banyak proses; yang dipicunya dibatalkan.'],
  ];
  for (const [type, english, params, indonesian] of budgetKinds) {
    it(`given a ${type} incident with its params, then it reads in Indonesian, and its English is the core's message`, () => {
      const t = incidentText(type, english, params);
      expect(render(t, 'id')).to.equal(indonesian);
      expect(render(t, 'en')).to.equal(english.charAt(0).toUpperCase() + english.slice(1));
    });
  }

  it('given a kind whose wording comes from elsewhere (a worker, FEEL), then Indonesian says what happened around the English detail', () => {
    expect(render(incidentText('job', 'smtp down'), 'id')).to.equal('Pekerjaan layanan gagal: smtp down');
    expect(render(incidentText('job', 'smtp down'), 'en'), 'a worker\'s words, as written').to.equal('smtp down');
  });

  it('given a job failed by one of Alur\'s own limits, then it reads as that limit in both languages, not as a worker\'s words', () => {
    const deep = incidentText('job', 'the answer of job http nests objects and lists more than 32 levels deep; a variable may nest at most 32', { text: 'answer-too-deep', type: 'http', max: 32 });
    expect(render(deep, 'id')).to.equal('Jawaban pekerjaan http bersarang lebih dari 32 tingkat objek dan daftar; satu variabel paling dalam 32 tingkat.');
    expect(render(deep, 'en')).to.equal('The answer of job http nests objects and lists more than 32 levels deep; a variable may nest at most 32');
  });

  it('given a job failed for a reason of Alur\'s own (no handler, the case gone, nobody took it), then it reads in both languages', () => {
    const own: [Record<string, string | number>, string, string][] = [
      [{ text: 'no-handler', type: 'kirim-sms' }, 'Tidak ada penangan untuk jenis pekerjaan kirim-sms.', 'No handler for job type kirim-sms'],
      [{ text: 'instance-gone', instance: 'abc' }, 'Berkas abc sudah tidak ada.', 'Case abc is gone'],
      [{ text: 'unclaimed', type: 'tte-sign', minutes: 1 }, 'Tidak ada pekerja yang mengambil jenis pekerjaan "tte-sign" dalam 1 menit: apakah penangannya sudah terdaftar?', 'No worker took job type "tte-sign" within 1 minute: is a handler registered for it?'],
    ];
    for (const [params, id, en] of own) {
      expect(render(incidentText('job', 'english', params), 'id')).to.equal(id);
      expect(render(incidentText('job', 'english', params), 'en')).to.equal(en);
    }
  });

  it('given a row from before params were kept, or an unknown kind, then it still reads in both languages', () => {
    expect(render(incidentText('step-time', 'the step ran longer than 2000 ms', null), 'id')).to.equal('Insiden: the step ran longer than 2000 ms');
    expect(render(incidentText('something-new', 'x happened'), 'en')).to.equal('x happened');
  });

  it('given the core raising a step-time incident, then its params are the ones the catalog fills in', async () => {
    const [model] = await compile(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t"><bpmn:process id="p" isExecutable="true">
<bpmn:startEvent id="s" /><bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /></bpmn:process></bpmn:definitions>`);
    const result = step(model, null, { type: 'instance.start', instanceId: 'i', processId: 'p' }, '2026-12-07T00:00:00Z', { timeBudget: { ms: 5, exceeded: () => true } });
    const open = result.effects.find((e) => e.type === 'incident.open');
    expect(open).to.deep.include({ incidentType: 'step-time', params: { ms: 5 } });
    if (open?.type !== 'incident.open') return;
    expect(render(incidentText(open.incidentType, open.message, open.params), 'en')).to.equal(open.message.charAt(0).toUpperCase() + open.message.slice(1));
  });
});
