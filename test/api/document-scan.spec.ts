/**
 * ALUR_CLAMAV: uploads go through a real clamd (Debian's clamav-daemon, /usr/sbin/clamd) before
 * they are accepted. No signature download is possible here, so the spec writes a signature
 * database of its own holding only the EICAR test signature (as a body signature, so it is found
 * inside an accepted PDF anywhere in the stream) and starts clamd on a socket in a temporary
 * folder. Without clamd it is left out, naming clamav-daemon — except under CI, where it fails
 * (.ci/run installs clamav-daemon).
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';
import { bigPdf, pdf } from './document-fixtures.js';
import { kindRules } from '../../engine/documents/kinds.js';
import { clamdScanner } from '../../engine/documents/clamd.js';
import { CHUNK_BYTES } from '../../engine/documents/intake.js';
import { findTool, whereInstalled } from '../support/debian-tools.js';

const CLAMD = findTool('clamd') ?? '/usr/sbin/clamd';
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** Starts clamd with only the EICAR signature; resolves once its socket answers PING. */
async function startClamd(dir: string): Promise<{ socket: string; proc: ChildProcess }> {
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db', 'eicar.ndb'), `Alur-Test-EICAR:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
  const socket = join(dir, 'clamd.sock');
  writeFileSync(join(dir, 'clamd.conf'), [`LocalSocket ${socket}`, `DatabaseDirectory ${join(dir, 'db')}`, 'Foreground yes', `LogFile ${join(dir, 'clamd.log')}`, ''].join('\n'));
  const proc = spawn(CLAMD, ['-c', join(dir, 'clamd.conf')], { stdio: 'ignore' });
  let failed: Error | undefined;
  proc.on('error', (err) => { failed = err; });
  for (let i = 0; i < 240; i++) {
    if (failed) throw new Error(`${CLAMD} could not start (install clamav-daemon): ${failed.message}`);
    if (await pong(socket)) return { socket, proc };
    await new Promise((r) => setTimeout(r, 250));
  }
  proc.kill();
  throw new Error('clamd did not answer within 60 s');
}

function pong(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(socket);
    let reply = '';
    s.on('connect', () => s.end('zPING\0'));
    s.on('data', (d) => { reply += d.toString(); });
    s.on('close', () => resolve(reply.startsWith('PONG')));
    s.on('error', () => resolve(false));
  });
}

whereInstalled(['clamd'], 'api: documents scanned by clamd', () => {
  forEachBackend('api: documents scanned by clamd (ALUR_CLAMAV)', (backend) => {
    const dir = mkdtempSync(join(tmpdir(), 'alur-clamd-'));
    let clamd: { socket: string; proc: ChildProcess };
    let api: Api;
    let down: Api;
    before(async () => {
      clamd = await startClamd(dir);
      api = await openApi(backend, { documents: { maxBytes: 10 * 1024 * 1024, kinds: kindRules(), scanner: clamdScanner(clamd.socket) } });
      down = await openApi(backend, { documents: { maxBytes: 10 * 1024 * 1024, kinds: kindRules(), scanner: clamdScanner(join(dir, 'nobody-listens.sock')) } });
    });
    after(async () => {
      clamd?.proc.kill();
      await api?.close();
      await down?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const count = async (a: Api, tenant: string) => Number((await a.db.knex('document_blob').where({ tenant_id: tenant }).count('* as n'))[0].n);

    it('given a clean PDF, then it is accepted; given the EICAR test signature inside a PDF, even past the first chunk, then 415 names it and nothing is kept', async () => {
      const tenant = await makeTenant(api);
      const token = await makeUser(api, tenant, uname('scan'), ['staff']);
      expect((await api.http.post('/api/documents').set(bearer(token)).attach('file', pdf('bersih'), 'bersih.pdf')).status).to.equal(201);

      const small = Buffer.concat([pdf('kotor'), Buffer.from(EICAR)]);
      const late = bigPdf(CHUNK_BYTES * 2 + 500);
      late.write(EICAR, CHUNK_BYTES + 1000, 'latin1');
      for (const [content, name] of [[small, 'kotor.pdf'], [late, 'kotor-besar.pdf']] as const) {
        const res = await api.http.post('/api/documents').set(bearer(token)).attach('file', content, name);
        expect(res.status, name).to.equal(415);
        expect(res.body.detail, name).to.match(/^The document was refused by the malware scan \(Alur-Test-EICAR/);
      }
      expect(await count(api, tenant)).to.equal(1);
    });

    it('given clamd unreachable, then uploads are refused with 503 rather than accepted unscanned', async () => {
      const tenant = await makeTenant(down);
      const token = await makeUser(down, tenant, uname('scan'), ['staff']);
      const res = await down.http.post('/api/documents').set(bearer(token)).attach('file', pdf('bersih'), 'bersih.pdf');
      expect(res.status).to.equal(503);
      expect(res.body.detail).to.equal('The malware scanner could not be reached; try again later.');
      expect(await count(down, tenant)).to.equal(0);
    });
  });
});
