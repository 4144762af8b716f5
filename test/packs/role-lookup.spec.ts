/**
 * Role lookups read the role map's own properties only (issue 16): a map is parsed JSON, so a
 * pack role named `constructor` (or `toString`, `__proto__`) is unmapped, not Object's inherited
 * member written into the BPMN.
 */
import { expect } from 'chai';
import { applyRoleMap, mappedGroup } from '../../engine/packs/roles.js';
import { BPMN } from './small-pack.js';

describe('packs: role lookups on own properties', () => {
  it('given inherited names, when looked up in a role map, then they are unmapped; own keys map', () => {
    const map = JSON.parse('{"petugas": "loket-batang"}');
    expect(['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((k) => mappedGroup(map, k))).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(mappedGroup(map, 'petugas')).to.equal('loket-batang');
  });

  it('given candidateGroups naming constructor, when the map is applied, then constructor stays as it is and petugas maps', async () => {
    const xml = BPMN.replace('candidateGroups="petugas"', 'candidateGroups="constructor, petugas"');
    const mapped = await applyRoleMap(xml, 'bpmn/uji.bpmn', JSON.parse('{"petugas": "loket-batang"}'));
    expect(mapped).to.contain('candidateGroups="constructor,loket-batang"');
    expect(mapped).not.to.contain('function Object');
  });
});
