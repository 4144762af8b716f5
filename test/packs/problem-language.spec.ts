// Given a pack whose pack.json or scenario breaks its schema, when it is checked, then each problem
// names its file and field and reads in Bahasa Indonesia or English: in the API by Accept-Language
// (what the designer's pack report shows), in the CLI by the locale.
import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { parseManifest } from '../../engine/packs/manifest.js';
import { manifestLabel } from '../../engine/packs/field-labels.js';
import manifestSchema from '../../engine/packs/manifest.schema.json' with { type: 'json' };
import { parseScenario } from '../../engine/packs/scenarios/format.js';
import { formatProblem, PackError, type PackProblem } from '../../engine/packs/problems.js';
import { packRoutes } from '../../engine/packs/routes.js';
import { MemoryPackStore } from '../../engine/packs/store.js';
import { zipFiles } from '../../engine/packs/build.js';
import { sha256 } from '../../engine/packs/files.js';
import { problemHandler } from '../../engine/api/problems.js';
import { cliLang } from '../../engine/cli/lang.js';
import type { Engine } from '../../engine/service/engine.js';
import { packFiles } from './small-pack.js';

/** The small pack's manifest with a missing publisher name, a number for a version, a wrong format and a stray field. */
function brokenManifest(): Record<string, any> {
  const manifest = JSON.parse(packFiles().get('pack.json')!.toString('utf8'));
  delete manifest.publisher.name;
  return { ...manifest, version: 5, formatVersion: 2, catatan: 'x' };
}

function problemsOf(fn: () => unknown): PackProblem[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof PackError) return err.problems;
    throw err;
  }
  throw new Error('accepted');
}

describe('packs: problems in the reader\'s language', () => {
  it('words pack.json\'s schema violations with the request bodies\' table, naming each field, in both languages', () => {
    const problems = problemsOf(() => parseManifest(Buffer.from(JSON.stringify(brokenManifest()))));
    expect(problems.map((p) => formatProblem(p, 'id'))).to.have.members([
      'pack.json [publisher.name]: Nama penerbit (publisher.name) wajib diisi',
      'pack.json [version]: Versi paket (version) harus berupa teks',
      'pack.json [formatVersion]: Versi format paket (formatVersion) harus 1',
      'pack.json [catatan]: Isian catatan bukan isian yang dikenal',
    ]);
    expect(problems.map((p) => formatProblem(p, 'en'))).to.have.members([
      'pack.json [publisher.name]: Publisher name (publisher.name) is required',
      'pack.json [version]: Pack version (version) must be text',
      'pack.json [formatVersion]: Pack format version (formatVersion) must be 1',
      'pack.json [catatan]: Field catatan is not a known field',
    ]);
    expect(problems.map((p) => p.element)).to.have.members(['publisher.name', 'version', 'formatVersion', 'catatan']);
    // Deeper fields by their labels too: a service standard's component, a text's language, a list's item.
    const deep = JSON.parse(packFiles().get('pack.json')!.toString('utf8'));
    deep.processes[0].standarPelayanan.sla.hariKerja = 'lima';
    deep.processes[0].standarPelayanan.dasarHukum = [''];
    deep.description.id = '';
    expect(problemsOf(() => parseManifest(Buffer.from(JSON.stringify(deep)))).map((p) => formatProblem(p, 'id'))).to.have.members([
      'pack.json [processes.0.standarPelayanan.sla.hariKerja]: Jumlah hari kerja penyelesaian (processes[0].standarPelayanan.sla.hariKerja) harus bilangan bulat',
      'pack.json [processes.0.standarPelayanan.dasarHukum.0]: Butir ke-1 dasar hukum (processes[0].standarPelayanan.dasarHukum[0]) tidak boleh kosong',
      'pack.json [description.id]: Deskripsi paket dalam bahasa Indonesia (description.id) tidak boleh kosong',
    ]);
    const notJson = problemsOf(() => parseManifest(Buffer.from('{ "name": ')));
    expect(formatProblem(notJson[0], 'id')).to.equal('pack.json: Bukan JSON yang sah: teks berakhir sebelum dokumennya lengkap');
    expect(formatProblem(problemsOf(() => parseManifest(undefined))[0], 'id')).to.equal('pack.json: Tidak ada: paket memerlukan pack.json di folder teratasnya.');
  });

  it('has a label in both languages for every field manifest.schema.json declares', () => {
    const paths: string[] = [];
    const walk = (node: any, path: string): void => {
      const resolved = node?.$ref ? (manifestSchema.definitions as any)[node.$ref.split('/').pop()] : node;
      for (const [name, child] of Object.entries<any>(resolved?.properties ?? {})) {
        if (name === '$schema') continue;
        const at = path ? `${path}.${name}` : name;
        paths.push(at);
        walk(child, at);
      }
      if (resolved?.items) walk(resolved.items, `${path}.0`);
    };
    walk(manifestSchema, '');
    const unlabelled = paths.filter((path) => manifestLabel(path) === undefined);
    expect(unlabelled, 'fields without a label').to.deep.equal([]);
    expect(paths.length).to.be.greaterThan(40);
  });

  it('words a scenario\'s schema violations the same way', () => {
    const scenario = { name: 'x', process: 'uji', start: {}, needs: ['soffice', 'soffice'], steps: [{ expectTask: { element: 't', count: 'dua' } }, { lompat: 1 }] };
    const { problems } = parseScenario(Buffer.from(JSON.stringify(scenario)), 'scenarios/a.json');
    expect(problems.map((p) => formatProblem(p, 'id'))).to.have.members([
      'scenarios/a.json [needs]: Isian needs tidak boleh memuat butir yang sama dua kali',
      'scenarios/a.json [steps.0.expectTask.count]: Isian steps.0.expectTask.count harus bilangan bulat',
      'scenarios/a.json [steps.1.lompat]: Isian steps.1.lompat bukan isian yang dikenal',
    ]);
    expect(problems.map((p) => formatProblem(p, 'en'))).to.include('scenarios/a.json [steps.0.expectTask.count]: Field steps.0.expectTask.count must be an integer');
  });

  it('answers an import of such a pack with 400 in the language Accept-Language asks for, deploying nothing', async () => {
    const files = packFiles();
    files.set('pack.json', Buffer.from(JSON.stringify(brokenManifest())));
    const zip = await zipFiles(files);
    let deployed = 0;
    const app = express();
    app.use((_req, res, next) => { res.locals.actor = { id: 'a', username: 'admin-uji', tenant: 'uji', roles: ['admin'], groups: [] }; next(); });
    // Nothing is deployed: a refused pack never reaches the engine.
    app.use(packRoutes({ engine: { deploy: () => { deployed++; } } as unknown as Engine, store: new MemoryPackStore(), connectorTypes: () => [] }));
    app.use(problemHandler(() => {}));
    const send = (lang: string) => request(app).post('/api/packs/import?dryRun=true').set('Accept-Language', lang).attach('pack', zip, 'uji.zip').field('roles', '{}');

    const id = await send('id-ID,id;q=0.9');
    expect(id.status).to.equal(400);
    const idBody = JSON.parse(id.text);
    expect(idBody.detail).to.equal('Paket ditolak: 4 masalah.');
    expect(idBody.errors).to.deep.include({ element: 'pack.json#publisher.name', message: 'pack.json [publisher.name]: Nama penerbit (publisher.name) wajib diisi' });
    expect(idBody.errors).to.deep.include({ element: 'pack.json#catatan', message: 'pack.json [catatan]: Isian catatan bukan isian yang dikenal' });

    const en = JSON.parse((await send('en')).text);
    expect(en.detail).to.equal('Pack refused: 4 problems.');
    expect(en.errors).to.deep.include({ element: 'pack.json#version', message: 'pack.json [version]: Pack version (version) must be text' });
    expect(deployed).to.equal(0);

    // A checksum the pack got wrong, past the schema: the cross-checks are catalog text too.
    const tampered = packFiles();
    const manifest = JSON.parse(tampered.get('pack.json')!.toString('utf8'));
    manifest.files.forms[0].sha256 = sha256(Buffer.from('lain'));
    tampered.set('pack.json', Buffer.from(JSON.stringify(manifest)));
    const checksum = await request(app).post('/api/packs/import?dryRun=true').set('Accept-Language', 'id').attach('pack', await zipFiles(tampered), 'uji.zip').field('roles', '{}');
    expect(JSON.parse(checksum.text).errors[0].message).to.match(/^forms\/f\.form: Checksum tidak cocok: pack\.json menyebut sha256 [0-9a-f]{64}, berkas ini [0-9a-f]{64}\.$/);
  });

  it('takes the CLI\'s language from the locale, as POSIX programs do (LC_ALL, LC_MESSAGES, LANG), English otherwise', () => {
    expect(cliLang({ LANG: 'id_ID.UTF-8' })).to.equal('id');
    expect(cliLang({ LC_ALL: 'en_US.UTF-8', LANG: 'id_ID.UTF-8' })).to.equal('en');
    expect(cliLang({ LC_ALL: '', LC_MESSAGES: 'id_ID', LANG: 'C' })).to.equal('id');
    expect(cliLang({ LANG: 'C.UTF-8' })).to.equal('en');
    expect(cliLang({})).to.equal('en');
  });
});
