/**
 * Findings name elements by their names (issue 17): an unnamed sequence flow by the elements it
 * joins, as the canvas note does ("Alur “Periksa berkas” → “Lengkap?”", never "F2"), and any other
 * nameless element by its kind and id, the last resort, in both languages, wherever a finding
 * names an element: the element it is about and the ones it mentions.
 */
import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { render } from '../../engine/messages/index.js';
import { model } from './bad-models.js';

async function refusals(xml: string): Promise<{ element?: string; id: string; en: string }[]> {
  const result = await compileBpmn(xml);
  if (result.ok) throw new Error('expected a refusal');
  return result.errors.map((e) => ({ element: e.element, id: render(e.text, 'id'), en: render(e.text, 'en') }));
}

const COND = '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=lengkap</bpmn:conditionExpression>';

describe('messages: findings name elements by their names', () => {
  it('given an unnamed flow between named elements, then it is named by them, as on the canvas', async () => {
    const xml = model(`<bpmn:startEvent id="S" name="Mulai"/><bpmn:userTask id="T" name="Periksa berkas"/><bpmn:exclusiveGateway id="G" name="Lengkap?"/>
      <bpmn:endEvent id="E1" name="Terbit"/><bpmn:endEvent id="E2" name="Ditolak"/>
      <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="G">${COND}</bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="E1">${COND}</bpmn:sequenceFlow><bpmn:sequenceFlow id="F4" sourceRef="G" targetRef="E2"/>`);
    const found = await refusals(xml);
    const f2 = found.find((f) => f.element === 'F2')!;
    expect(f2.id).to.equal('Alur “Periksa berkas” → “Lengkap?”: satu-satunya alur keluar dari aktivitas “Periksa berkas” tidak boleh bersyarat');
    expect(f2.en).to.equal('Sequence flow “Periksa berkas” → “Lengkap?”: the only outgoing flow of activity “Periksa berkas” cannot be conditional');
    const f4 = found.find((f) => f.element === 'F4')!;
    expect(f4.id).to.equal('Alur “Lengkap?” → “Ditolak”: alur keluar dari gateway “Lengkap?” belum memiliki kondisi dan bukan alur bawaan');
    for (const f of found) expect(`${f.id}\n${f.en}`).to.not.match(/\bF\d\b/);
  });

  it('given nameless elements, then each is named by its kind and id, in the finding\'s head and inside it', async () => {
    const collaboration = '<bpmn:collaboration id="C"><bpmn:participant id="Pool" name="Dinas" processRef="p"/><bpmn:messageFlow id="MF" sourceRef="T" targetRef="E"/></bpmn:collaboration>';
    const xml = model(`<bpmn:startEvent id="S"/><bpmn:task id="T"/><bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>`, collaboration);
    const mf = (await refusals(xml)).filter((f) => f.element === 'MF');
    expect(mf.map((f) => f.id)).to.include('Alur pesan tugas T → event selesai E: event selesai E tidak dapat menerima pesan (hanya event tangkap pesan yang dapat)');
    expect(mf.map((f) => f.en)).to.include('Message flow task T → end event E: end event E cannot receive a message (only message catch events can)');
  });
});
