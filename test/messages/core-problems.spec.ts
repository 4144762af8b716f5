/**
 * The core's problems and refusals read in the reader's language (issue 17): the core returns a
 * code and details, language-free; every code, by type exhaustive below, is catalog text in
 * Bahasa Indonesia and English that names elements by their names, and the Indonesian is not the
 * English. A code added to the core without words here fails to compile.
 */
import { expect } from 'chai';
import type { ElementProblem, MigrationCode, ModificationCode, ProblemParam } from '../../engine/core/index.js';
import { InputRefused } from '../../engine/core/index.js';
import type { RefusalReason } from '../../engine/core/errors.js';
import { catalog } from '../../engine/messages/catalog/index.js';
import { render } from '../../engine/messages/index.js';
import { problemText, refusalText } from '../../engine/service/core-text.js';
import { toProblem } from '../../engine/api/problems.js';

const task = { id: 'Periksa', name: 'Periksa berkas' };
const other = { id: 'Setujui', name: 'Setujui surat' };
const sub = { id: 'Kajian', name: 'Kajian teknis' };
const proc = { id: 'p', process: true as const };

const MODIFY: Record<ModificationCode, Record<string, ProblemParam>> = {
  'instance-not-active': { status: 'completed' },
  'nothing-to-do': {},
  'key-not-active': { key: 42 },
  'key-other-element': { key: 42, of: task, element: other },
  'termination-unnamed': {},
  'process-not-terminable': {},
  'not-an-element': { element: 'Hantu', process: 'Surat masuk' },
  'not-active': { element: task },
  'process-not-activatable': {},
  'boundary-event': { element: task },
  'start-event': { element: task },
  'compensation-handler': { element: task },
  'multi-instance-not-running': { element: task, container: sub },
  'ancestor-not-running': { ancestor: 7, container: sub },
  'container-runs-several': { container: sub, count: 2, element: task, ancestors: [7, 9] },
  'ancestor-not-a-container': { ancestor: 7, element: task },
};

const MIGRATE: Record<MigrationCode, Record<string, ProblemParam>> = {
  'instance-not-active': { status: 'terminated' },
  'other-process': { target: 'Izin', process: 'Surat masuk' },
  'mapped-twice': { element: task },
  'no-mapping': { element: task },
  'target-missing': { element: task, target: 'Hilang' },
  'type-differs': { element: task, target: other, type: 'userTask', targetType: 'serviceTask' },
  'multi-instance-differs': { element: task, target: other, source: 'yes' },
  'event-differs': { element: task, target: other, event: 'timer', targetEvent: 'none' },
  'event-subprocess-differs': { element: task, target: other, source: 'no' },
  'container-differs': { element: task, container: sub, target: other, targetContainer: proc },
  'join-target-missing': { element: task, type: 'parallelGateway', target: 'Gabung' },
  'join-flows-missing': { element: task, flows: [{ id: 'f4', name: 'Lengkap' }, { id: 'f5' }], count: 2, target: other },
};

const REFUSED: Record<RefusalReason, Record<string, string | number>> = {
  'already-started': { instance: 'abc' },
  'not-started': { input: 'task.complete' },
  'state-version': { version: 1, expected: 2 },
  'other-process': { instance: 'abc', process: 'p', model: 'q' },
  'start-other-process': { process: 'p', model: 'q' },
  'no-none-start': { process: 'Surat masuk' },
  'not-a-start-event': { element: 'Periksa', process: 'Surat masuk' },
  'variables-not-object': {},
  'variables-not-json': {},
};

/** English words (three letters or more) of `id` that the English has too, less the parameters' values and words both languages use. */
function englishLeft(en: string, id: string, params: object): string[] {
  const words = (s: string) => new Set(s.replace(/“[^”]*”/g, '').toLowerCase().match(/\b[a-z]{3,}\b/g) ?? []);
  const allowed = new Set(['multi', 'instance', 'event', 'ancestor', 'elementid', 'json', 'data', 'gateway', ...words(JSON.stringify(params))]);
  const inId = words(id);
  return [...words(en)].filter((w) => inId.has(w) && !allowed.has(w));
}

function expectBothLanguages(what: string, en: string, id: string, params: object): void {
  expect(en, what).to.not.equal(id);
  expect(englishLeft(en, id, params), `${what}: ${id}`).to.deep.equal([]);
  expect(id.charAt(0), `${what}: ${id}`).to.equal(id.charAt(0).toUpperCase());
  expect(id, what).to.not.match(/\{\w+\}/);
}

describe('messages: the core\'s problems and refusals in both languages', () => {
  for (const [area, codes] of [['modify', MODIFY], ['migrate', MIGRATE]] as const) {
    for (const [code, params] of Object.entries(codes)) {
      it(`${area}.${code} names elements by their names, in Indonesian and English`, () => {
        const problem: ElementProblem<string> = { element: task.id, name: task.name, code, params };
        const message = problemText(area, problem);
        expect(catalog[message.key], message.key).to.not.equal(undefined);
        const [en, id] = [render(message, 'en'), render(message, 'id')];
        expectBothLanguages(message.key, en, id, params);
        if (Object.values(params).includes(task)) expect(id, message.key).to.contain('“Periksa berkas”').and.not.match(/\bPeriksa\b(?! berkas)/);
      });
    }
  }

  it('words element types, event kinds and case states in the reader\'s language', () => {
    const id = (code: MigrationCode) => render(problemText('migrate', { element: 'x', code, params: MIGRATE[code] }), 'id');
    expect(id('type-differs')).to.equal('“Periksa berkas” adalah tugas pengguna, tetapi “Setujui surat” adalah tugas layanan');
    expect(id('event-differs')).to.equal('“Periksa berkas” menunggu event pewaktu, tetapi “Setujui surat” menunggu event tanpa jenis');
    expect(id('container-differs')).to.equal('“Periksa berkas” berada di dalam “Kajian teknis”, tetapi “Setujui surat” berada di dalam proses itu sendiri');
    expect(id('join-flows-missing')).to.equal('Token menunggu di “Periksa berkas” dari “Lengkap” dan f5, yang tidak menuju “Setujui surat” pada versi tujuan');
    expect(id('instance-not-active')).to.equal('Berkas sudah berstatus dihentikan.');
  });

  for (const [reason, params] of Object.entries(REFUSED)) {
    it(`refused.${reason}: the API answers in Indonesian`, () => {
      const err = new InputRefused('english for logs', 'invalid', reason as RefusalReason, params);
      const message = refusalText(err);
      expect(typeof message, reason).to.not.equal('string');
      const [en, id] = [toProblem(err, 'en'), toProblem(err, 'id')];
      expectBothLanguages(reason, en.detail, id.detail, params);
      expect(id.errors?.[0].message).to.equal(id.detail);
    });
  }
});
