/**
 * The logger's safety net: personal data and secrets under the usual keys, at the top of a log
 * line or one level down, are written as "[redacted]"; ids, types and counts stay readable; an
 * error is logged as its class and a short message, never the data it carried.
 */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger, errorFields } from '../../engine/observability/logger.js';

const NIK = '3374010101900001';

/** A logger writing into memory; `raw()` is everything it wrote. */
function capture(): { log: ReturnType<typeof createLogger>; raw: () => string } {
  const chunks: string[] = [];
  const destination = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  const log = createLogger({ level: 'debug', destination });
  return { log, raw: () => chunks.join('') };
}

const parse = (raw: string) => raw.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

describe('observability/logger: personal data stays out of the logs', () => {
  it('given personal data and secrets at the top of a line, when logged, then each value is redacted and the ids stay', () => {
    const { log, raw } = capture();
    log.info({
      instanceId: 'i-1', nik: NIK, email: 'siti@semarangkota.go.id', password: 'rahasia', token: 'tok-123', authorization: 'Bearer tok-123',
      variables: { nik: NIK, nama: 'Siti Aminah' }, body: { nik: NIK }, headers: { 'x-api-key': 'k' }, payload: 'p', data: { alamat: 'Jl. Pemuda 1' },
      values: ['Siti'], to: 'siti@semarangkota.go.id',
    }, 'task completed');
    const [line] = parse(raw());
    for (const key of ['nik', 'email', 'password', 'token', 'authorization', 'variables', 'body', 'headers', 'payload', 'data', 'values', 'to']) {
      expect(line[key], key).to.equal('[redacted]');
    }
    expect(line).to.include({ instanceId: 'i-1', msg: 'task completed', name: 'alur' });
    expect(raw()).to.not.contain(NIK).and.not.contain('Siti').and.not.contain('rahasia').and.not.contain('tok-123').and.not.contain('Pemuda');
  });

  it('given personal data one level down, when logged, then it is redacted there too, names included', () => {
    const { log, raw } = capture();
    log.warn({ job: { id: 'j-1', type: 'http', variables: { nik: NIK }, headers: { authorization: 'x' } }, applicant: { nik: NIK, name: 'Siti Aminah', email: 'siti@example.id' } }, 'job failed');
    const [line] = parse(raw());
    expect(line.job).to.deep.equal({ id: 'j-1', type: 'http', variables: '[redacted]', headers: '[redacted]' });
    expect(line.applicant).to.deep.equal({ nik: '[redacted]', name: '[redacted]', email: '[redacted]' });
    expect(raw()).to.not.contain(NIK).and.not.contain('Siti');
  });

  it('given a child logger, when it logs personal data, then the same redaction applies', () => {
    const { log, raw } = capture();
    log.child({ component: 'queue' }).error({ nik: NIK, instanceId: 'i-2' }, 'stalled');
    const [line] = parse(raw());
    expect(line).to.include({ component: 'queue', nik: '[redacted]', instanceId: 'i-2' });
  });

  it('given an error carrying data, when turned into log fields, then only its class and a short message remain', () => {
    const err = Object.assign(new TypeError(`bad value ${'x'.repeat(500)}`), { variables: { nik: NIK }, response: { body: NIK } });
    const fields = errorFields(err);
    expect(Object.keys(fields.err)).to.deep.equal(['type', 'message']);
    expect(fields.err.type).to.equal('TypeError');
    expect(fields.err.message).to.have.length(300);
    expect(JSON.stringify(fields)).to.not.contain(NIK);
    expect(errorFields('plain text').err).to.deep.equal({ type: 'string', message: 'plain text' });
  });
});
