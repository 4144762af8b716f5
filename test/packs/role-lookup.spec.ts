/**
 * Role lookups read the role map's own properties only (issue 16): a map is parsed JSON, so a
 * pack role named `constructor` (or `toString`, `__proto__`) is unmapped, not Object's inherited
 * member written into the BPMN.
 */
import { expect } from 'chai';
import { applyRoleMap, mappedGroup } from '../../engine/packs/roles.js';
import { zipFiles } from '../../engine/packs/build.js';
import { importPack } from '../../engine/packs/import.js';
import { readPackZip } from '../../engine/packs/read-zip.js';
import { validatePack } from '../../engine/packs/validate.js';
import { ScenarioHarness } from '../../engine/packs/scenarios/harness.js';
import { BPMN, packFiles } from './small-pack.js';

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

describe('packs: a role computed at run time (issue 16)', function () {
  this.timeout(180_000);
  let h: ScenarioHarness;
  before(async () => { h = await ScenarioHarness.open(); });
  after(async () => h?.close());

  it('given candidateGroups from a variable, when the dry run plans the import, then it reports the expression it cannot check; at run time a role key or a group of the map routes the task and any other value is an unmapped-role incident naming it', async () => {
    const files = packFiles((f) => f.set('bpmn/uji.bpmn', Buffer.from(BPMN.replace('candidateGroups="petugas"', 'candidateGroups="=bidang"'))));
    const pack = await validatePack(await readPackZip(await zipFiles(files)));
    const tenant = await h.createTenant('peran');
    const admin = h.admin(tenant);
    const roles = { petugas: 'loket-batang' };
    const plan = await importPack(h.engine, admin, pack, roles, { dryRun: true });
    expect(plan.uncheckedExpressions).to.deep.equal([{ file: 'bpmn/uji.bpmn', element: 't', attribute: 'candidateGroups', expression: '=bidang' }]);
    await importPack(h.engine, admin, pack, roles);

    const groupsOf = async (bidang: unknown) => {
      const started = await h.engine.startInstance(admin, { processKey: 'uji', variables: { bidang } });
      const task = await h.db.knex('user_task').where({ instance_id: started.instanceId }).first();
      const incident = await h.db.knex('incident').where({ instance_id: started.instanceId }).first();
      return task ? task.candidate_groups : [incident.type, incident.message];
    };
    expect(await groupsOf('petugas')).to.deep.equal(['loket-batang']);
    expect(await groupsOf('loket-batang')).to.deep.equal(['loket-batang']);
    expect(await groupsOf('admin-kota')).to.deep.equal(['unmapped-role', 'candidateGroups of t: "admin-kota" is neither a role of the pack nor a group of the tenant\'s role map']);
    expect(await groupsOf(['petugas', 'sekda'])).to.deep.equal(['unmapped-role', 'candidateGroups of t: "sekda" is neither a role of the pack nor a group of the tenant\'s role map']);
  });
});
