import { expect } from 'chai';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { readXml } from '../../engine/bpmn/read-xml.js';
import { fixtureBytes, fixtureText } from './helpers.js';

describe('bpmn/read-xml: the safe gate before bpmn-moddle', () => {
  it('given a file with a UTF-8 BOM, when compiled, then the BOM is skipped', async () => {
    const result = await compileBpmn(fixtureBytes('bom.bpmn'));
    expect(result.ok).to.equal(true);
  });

  it('given a windows-1252 file, when compiled, then names are decoded by the declared encoding', async () => {
    const result = await compileBpmn(fixtureBytes('windows-1252.bpmn'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.definitions.processes[0].name).to.equal('Permohonan café');
  });

  it('given a file declaring UTF-8 with a Latin-1 byte, when read, then it is refused with line and column', () => {
    const result = readXml(fixtureBytes('invalid-utf8.bpmn'));
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors[0]).to.include({ line: 3, column: 50 });
    expect(result.errors[0].message).to.match(/invalid UTF-8 byte 0xe9/);
  });

  it('given an unknown declared encoding, when read, then the error names it', () => {
    const result = readXml(fixtureBytes('unknown-encoding.bpmn'));
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].message).to.include('ebcdic-us');
  });

  it('given a DOCTYPE with an external entity, when compiled, then it is refused and file.txt is never read', async () => {
    const marker = `ALUR-SPEC-MARKER-${process.pid}`;
    const planted = !existsSync('file.txt');
    if (planted) writeFileSync('file.txt', marker);
    try {
      const result = await compileBpmn(fixtureBytes('xxe.bpmn'));
      expect(result.ok).to.equal(false);
      expect(JSON.stringify(result)).not.to.include(marker);
      if (!result.ok) expect(result.errors[0].message).to.match(/DOCTYPE is not allowed/);
    } finally {
      if (planted) rmSync('file.txt', { force: true });
    }
  });

  it('given a duplicate attribute, when read, then a well-formedness error with position is returned', () => {
    const result = readXml(fixtureText('malformed.bpmn'));
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors[0].message).to.match(/the attribute id appears twice on one element/);
      expect(result.errors[0].line).to.equal(4);
    }
  });

  it('given an unclosed tag, when read, then it is refused with a position', () => {
    const result = readXml('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">');
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].line).to.equal(1);
  });

  it('given an element with 10,000 attributes, when read, then the attribute limit refuses it', () => {
    const attrs = Array.from({ length: 10000 }, (_, i) => `x:a${i}="v"`).join(' ');
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:x="urn:x"><bpmn:process id="p" ${attrs}/></bpmn:definitions>`;
    const result = readXml(xml);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].message).to.match(/resource limit: more than 1000 attributes/);
  });

  it('given elements nested thousands of levels deep, when read, then a resource-limit error comes back', () => {
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">${'<x:a xmlns:x="urn:x">'.repeat(5000)}${'</x:a>'.repeat(5000)}</bpmn:definitions>`;
    const result = readXml(xml);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].message).to.match(/nested more than 256 levels/);
  });

  it('given a document larger than maxBytes, when compiled, then it is refused before parsing', async () => {
    const result = await compileBpmn(fixtureBytes('minimal.bpmn'), { maxBytes: 100 });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].message).to.match(/document too large: \d+ bytes, the limit is 100 bytes/);
  });

  it('given a root element outside the BPMN namespace, when read, then it is not BPMN', () => {
    const result = readXml(fixtureText('not-bpmn.xml'));
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].message).to.match(/not a BPMN 2.0 document/);
  });

  it('given two elements with one id, when compiled, then the error names the id', async () => {
    const result = await compileBpmn(fixtureBytes('duplicate-ids.bpmn'));
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors.map((e) => e.element)).to.include('Task');
  });
});
