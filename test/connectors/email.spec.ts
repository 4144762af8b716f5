/** The email connector against a local SMTP sink (smtp-server): FEEL headers, delivery, failures. */
import { expect } from 'chai';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { emailConnector } from '../../engine/runner/connectors/email.js';
import { job } from './support.js';

interface Received { from: string; to: string[]; data: string }

async function startSink(opts: { reject?: boolean } = {}): Promise<{ url: string; mails: Received[]; close(): Promise<void> }> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.reject) callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('connectors: email', () => {
  it('given FEEL headers, when the task runs, then one mail with the evaluated recipient, subject and body reaches the SMTP server', async () => {
    const sink = await startSink();
    const email = emailConnector({ smtpUrl: sink.url, from: 'alur@semarangkota.go.id' });
    try {
      const result = await email.handler(job('email', { to: '=pemohon.email', subject: '="Izin " + nomor + " disetujui"', body: '="Yth. " + pemohon.nama + ", izin Anda disetujui."' },
        { pemohon: { email: 'siti@example.id', nama: 'Siti Rahayu' }, nomor: '12/DPU/2026' }));
      expect(result).to.deep.equal({});
      expect(sink.mails).to.have.length(1);
      expect(sink.mails[0].from).to.equal('alur@semarangkota.go.id');
      expect(sink.mails[0].to).to.deep.equal(['siti@example.id']);
      expect(sink.mails[0].data).to.contain('Subject: Izin 12/DPU/2026 disetujui').and.contain('Yth. Siti Rahayu, izin Anda disetujui.');
    } finally {
      email.close();
      await sink.close();
    }
  });

  it('given the server refuses the recipient, when the task runs, then the job fails with the SMTP code and without the address', async () => {
    const sink = await startSink({ reject: true });
    const email = emailConnector({ smtpUrl: sink.url });
    try {
      await email.handler(job('email', { to: 'budi@example.id', subject: 's', body: 'b' }));
      expect.fail('a refused recipient succeeded');
    } catch (err) {
      expect((err as Error).message).to.contain('550').and.not.contain('budi');
    } finally {
      email.close();
      await sink.close();
    }
  });

  it('given no ALUR_SMTP_URL or no recipient, when the task runs, then it fails with a clear message', async () => {
    const none = emailConnector({});
    try {
      await none.handler(job('email', { to: 'a@b.id', subject: 's' }));
      expect.fail('sent without SMTP');
    } catch (err) {
      expect((err as Error).message).to.contain('ALUR_SMTP_URL');
    }
    const sink = await startSink();
    const email = emailConnector({ smtpUrl: sink.url });
    try {
      await email.handler(job('email', { subject: 's' }));
      expect.fail('sent without recipient');
    } catch (err) {
      expect((err as Error).message).to.contain('header to is required');
    } finally {
      email.close();
      await sink.close();
    }
    expect(sink.mails).to.have.length(0);
  });
});
