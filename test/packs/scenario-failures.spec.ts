/**
 * The scenario runner fails a scenario whose expectation does not hold — for each kind of check
 * (path, state, active elements, variables, an expected task) — naming the step and what it found,
 * beside a passing scenario that shows the same checks can hold.
 */
import { expect } from 'chai';
import { zipFiles } from '../../engine/packs/build.js';
import { readPackZip } from '../../engine/packs/read-zip.js';
import { validatePack } from '../../engine/packs/validate.js';
import { ScenarioHarness } from '../../engine/packs/scenarios/harness.js';
import { runPackScenarios } from '../../engine/packs/scenarios/suite.js';
import type { ScenarioResult } from '../../engine/packs/scenarios/run.js';
import { packWithScenarios } from './small-pack.js';

const ROLES = { petugas: 'petugas-batang' };

/** start → Periksa (t, role petugas) → end; `check` is the expect step under test, after t completes. */
function scenario(name: string, check: Record<string, unknown>) {
  return {
    name, process: 'uji', start: { businessKey: 'UJI-1', variables: { nomor: 'UJI-1' } },
    steps: [
      { expect: { state: 'active', activeElements: ['t'] } },
      { completeTask: { element: 't', role: 'petugas', variables: { catatan: 'lengkap' } } },
      { expect: check },
    ],
  };
}

const SCENARIOS = {
  'lulus': scenario('semua cek terpenuhi', { state: 'completed', path: ['s', 't', 'e'], variables: { nomor: 'UJI-1', catatan: 'lengkap' } }),
  'jalur-salah': scenario('jalur salah', { path: ['s', 'e', 't'] }),
  'status-salah': scenario('status salah', { state: 'active' }),
  'elemen-aktif-salah': scenario('elemen aktif salah', { activeElements: ['t'] }),
  'variabel-salah': scenario('variabel salah', { variables: { catatan: 'belum' } }),
  'tugas-tidak-ada': { ...scenario('tugas tidak ada', {}), steps: [{ completeTask: { element: 'tidakAda', role: 'petugas' } }] },
};

describe('pack scenarios: a broken expectation fails the scenario, naming the step', function () {
  this.timeout(120_000);
  let harness: ScenarioHarness;
  let results: Map<string, ScenarioResult>;

  before(async () => {
    harness = await ScenarioHarness.open();
    const pack = await validatePack(await readPackZip(await zipFiles(packWithScenarios(SCENARIOS))));
    results = new Map((await runPackScenarios(pack, ROLES, { harness })).map((r) => [r.file.replace(/^scenarios\/|\.json$/g, ''), r]));
  });
  after(async () => harness?.close());

  it('given a scenario whose path, state, active elements and variables all hold, when run, then it passes', () => {
    expect(results.get('lulus')).to.include({ ok: true, name: 'semua cek terpenuhi' });
  });

  it('given a path in the wrong order, when run, then it fails at that step saying what was completed', () => {
    expect(results.get('jalur-salah')).to.include({ ok: false, error: 'step 3 (expect): path: t was not completed after e; completed: s → t → e → uji' });
  });

  it('given the wrong state, when run, then it fails at that step with the state found', () => {
    expect(results.get('status-salah')).to.include({ ok: false, error: 'step 3 (expect): expected state active, found completed (active: none)' });
  });

  it('given an element expected active that is not, when run, then it fails at that step with what is active', () => {
    expect(results.get('elemen-aktif-salah')).to.include({ ok: false, error: 'step 3 (expect): expected active t; active: ' });
  });

  it('given a variable with another value, when run, then it fails at that step with the value found', () => {
    expect(results.get('variabel-salah')).to.include({ ok: false, error: 'step 3 (expect): variable catatan: expected "belum", found "lengkap"' });
  });

  it('given a task to complete that is not open, when run, then it fails at that step naming where tasks are open', () => {
    expect(results.get('tugas-tidak-ada')).to.include({ ok: false, error: 'step 1 (completeTask): expected an open task at tidakAda for group petugas-batang (role petugas); open tasks at tidakAda: none — open elsewhere: t' });
  });
});
