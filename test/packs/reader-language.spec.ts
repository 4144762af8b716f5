// Given a pack that cannot be read at all — no such path, not a zip, a hostile or oversized archive,
// an unsafe file name, a folder missing a listed file, a pack.json that is not JSON — when it is read,
// built or imported, then every problem is catalog text: Indonesian for an Indonesian reader (the
// designer's pack page through POST /api/packs/import, the CLI under LANG=id_ID), English otherwise.
import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { buildPack, zipFiles } from '../../engine/packs/build.js';
import { validatePack } from '../../engine/packs/validate.js';
import { readPack } from '../../engine/packs/read.js';
import { readPackZip } from '../../engine/packs/read-zip.js';
import { readPackFolder } from '../../engine/packs/read-folder.js';
import { unsafePathReason } from '../../engine/packs/files.js';
import { limitsWith } from '../../engine/packs/limits.js';
import { formatProblem, PackError, type PackProblem } from '../../engine/packs/problems.js';
import { packRoutes } from '../../engine/packs/routes.js';
import { MemoryPackStore } from '../../engine/packs/store.js';
import { problemHandler } from '../../engine/api/problems.js';
import { render } from '../../engine/messages/index.js';
import type { Engine } from '../../engine/service/engine.js';
import { FORM, packFiles } from './small-pack.js';

async function problemsOf(fn: () => Promise<unknown>): Promise<PackProblem[]> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    // An English-only problem (a bare `message`) would read English to everyone.
    for (const p of err.problems) expect(p.text, `${p.file}: ${p.message} has no catalog text`).to.not.equal(undefined);
    return err.problems;
  }
  throw new Error('accepted');
}

const lines = (problems: PackProblem[], lang: 'id' | 'en') => problems.map((p) => formatProblem(p, lang));

function rawZip(entries: { name: string; data: Buffer; symlink?: boolean }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mode: e.symlink ? 0o120777 : 0o100644 });
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('packs: reading problems in the reader\'s language', function () {
  this.timeout(60_000);

  it('words a path that is not there, a file that is no zip and a zip past the limits', async () => {
    expect(lines(await problemsOf(() => readPack('/tmp/tidak-ada-paket-ini')), 'id')).to.deep.equal(['/tmp/tidak-ada-paket-ini: Berkas atau folder ini tidak ada.']);
    const notZip = await problemsOf(() => readPackZip(Buffer.from('bukan zip'), 'paket.zip'));
    expect(lines(notZip, 'id')[0]).to.match(/^paket\.zip: Bukan berkas zip yang dapat dibaca \(.+\)\.$/);
    expect(lines(notZip, 'en')[0]).to.match(/^paket\.zip: Not a readable zip \(.+\)\.$/);
    const big = await problemsOf(() => readPackZip(Buffer.alloc(2048), 'besar.zip', limitsWith({ maxZipBytes: 1024 })));
    expect(lines(big, 'id')).to.deep.equal(['besar.zip: Zip ini berukuran 2048 byte; batasnya 1024 byte.']);
    const many = await rawZip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') })));
    expect(lines(await problemsOf(() => readPackZip(many, 'banyak.zip', limitsWith({ maxEntries: 3 }))), 'id')).to.deep.equal(['banyak.zip: Zip ini berisi 5 entri; batasnya 3.']);
  });

  it('words a hostile entry as a refusal with its reason', async () => {
    const link = await problemsOf(async () => readPackZip(await rawZip([{ name: 'bpmn/link.bpmn', data: Buffer.from('/etc/passwd'), symlink: true }]), 'jahat.zip'));
    expect(lines(link, 'id')).to.deep.equal(['jahat.zip:bpmn/link.bpmn: Ditolak: tautan simbolik.']);
    expect(lines(link, 'en')).to.deep.equal(['jahat.zip:bpmn/link.bpmn: Refused: symbolic link.']);
    const bomb = await problemsOf(async () => readPackZip(await rawZip([{ name: 'forms/z.form', data: Buffer.alloc(1024 * 1024) }]), 'jahat.zip'));
    expect(lines(bomb, 'id')[0]).to.match(/^jahat\.zip:forms\/z\.form: Ditolak: rasio kompresi \d+:1 melebihi 100:1 \(bom zip\?\)\.$/);
    const twice = await problemsOf(async () => readPackZip(await rawZip([{ name: 'a.form', data: Buffer.from('{}') }, { name: 'A.form', data: Buffer.from('{}') }]), 'jahat.zip'));
    expect(lines(twice, 'id')).to.deep.equal(['jahat.zip:A.form: Ditolak: entri ganda.']);
  });

  it('words every unsafe file name in both languages', () => {
    const names = ['', 'x'.repeat(201), 'a\u0001b', 'bpmn\\x', '/etc/passwd', '../x', 'a//b'];
    const id = names.map((n) => render(unsafePathReason(n)!, 'id'));
    expect(id).to.deep.equal([
      'Nama berkas kosong', 'Nama berkas lebih dari 200 karakter', 'Ada karakter kendali dalam nama berkas',
      'Ada garis miring terbalik dalam nama berkas (pakai garis miring biasa)', 'Jalur absolut', 'Jalurnya keluar dari paket ("..")',
      'Jalurnya memuat bagian kosong atau "."',
    ]);
    expect(render(unsafePathReason('/etc/passwd')!, 'en')).to.equal('Absolute path');
  });

  it('words a pack folder missing a listed file, and a pack.json that is not JSON, with line and column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alur-pack-'));
    await writeFile(join(dir, 'pack.json'), packFiles().get('pack.json')!);
    const missing = await problemsOf(() => readPackFolder(dir));
    expect(lines(missing, 'id')).to.include('bpmn/uji.bpmn: Tercantum dalam pack.json tetapi tidak ada dalam paket.');

    const broken = await mkdtemp(join(tmpdir(), 'alur-pack-'));
    await mkdir(join(broken, 'bpmn'));
    await writeFile(join(broken, 'pack.json'), '{\n  "name": "uji"\n  "version": "1.0.0"\n}\n');
    const notJson = await problemsOf(() => buildPack(broken));
    expect(lines(notJson, 'id')).to.deep.equal(['pack.json: Bukan JSON yang sah: seharusnya "," atau "}" pada baris 3, kolom 3']);
    expect(lines(notJson, 'en')).to.deep.equal(['pack.json: Not valid JSON: expected "," or "}" at line 3, column 3']);
    const empty = await mkdtemp(join(tmpdir(), 'alur-pack-'));
    expect(lines(await problemsOf(() => buildPack(empty)), 'id')).to.deep.equal(['pack.json: Tidak ada: paket memerlukan pack.json di folder teratasnya.']);
  });

  it('words a pack\'s .form problems (not JSON, the form check\'s findings) in both languages', async () => {
    const notJson = await problemsOf(async () => validatePack(await readPackZip(await zipFiles(packFiles((f) => f.set('forms/f.form', Buffer.from('{ "id": "f", }')))))));
    expect(lines(notJson, 'id')).to.include('forms/f.form: Bukan JSON yang sah: seharusnya nama isian dalam tanda kutip ganda pada baris 1, kolom 14');
    const form = { ...FORM, components: [...FORM.components, { type: 'signature', id: 'Ttd', key: 'ttd' }, { type: 'html', id: 'Html', content: '<script>x</script>' }] };
    const found = await problemsOf(async () => validatePack(await readPackZip(await zipFiles(packFiles((f) => f.set('forms/f.form', Buffer.from(JSON.stringify(form))))))));
    expect(lines(found, 'id')).to.include.members(['forms/f.form [Ttd]: Jenis isian formulir "signature" tidak didukung', 'forms/f.form [Html]: content memuat tag aktif <script>']);
    expect(lines(found, 'en')).to.include.members(['forms/f.form [Ttd]: Unsupported form field type "signature"', 'forms/f.form [Html]: content contains an active <script> tag']);
  });

  it('answers POST /api/packs/import of a file that is no zip, or a zip with a hostile entry, in the language asked for', async () => {
    const app = express();
    app.use((_req, res, next) => { res.locals.actor = { id: 'a', username: 'admin-uji', tenant: 'uji', roles: ['admin'], groups: [] }; next(); });
    app.use(packRoutes({ engine: {} as unknown as Engine, store: new MemoryPackStore(), connectorTypes: () => [] }));
    app.use(problemHandler(() => {}));
    const send = (zip: Buffer, lang: string) => request(app).post('/api/packs/import?dryRun=true').set('Accept-Language', lang).attach('pack', zip, 'uji.zip').field('roles', '{}');

    const id = JSON.parse((await send(Buffer.from('ini bukan zip'), 'id')).text);
    expect(id.detail).to.equal('Paket ditolak: 1 masalah.');
    expect(id.errors[0].message).to.match(/^uji\.zip: Bukan berkas zip yang dapat dibaca/);
    const en = JSON.parse((await send(Buffer.from('ini bukan zip'), 'en')).text);
    expect(en.errors[0].message).to.match(/^uji\.zip: Not a readable zip/);

    // yazl refuses "../" itself: a same-length name is patched into the archive afterwards.
    const patched = Buffer.from((await rawZip([{ name: 'QQ/keluar.txt', data: Buffer.from('x') }])).toString('latin1').split('QQ/keluar.txt').join('../keluar.txt'), 'latin1');
    const hostile = JSON.parse((await send(patched, 'id')).text);
    expect(hostile.errors[0].message).to.equal('uji.zip:../keluar.txt: Ditolak: jalurnya keluar dari paket ("..").');
  });
});
