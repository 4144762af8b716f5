/** Files for the document specs (small, real headers) and the "permohonan-berkas" process with filepicker fields. */
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Api } from './harness.js';
import { bearer } from './harness.js';

const dir = new URL('./fixtures/', import.meta.url).pathname;

/** A one-page PDF, `tag` written into it so different tags are different content. */
export function pdf(tag = 'surat'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${tag}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The start of a Windows program (MZ … PE), as a renamed executable would begin. */
export function windowsProgram(): Buffer {
  const b = Buffer.alloc(4096);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

/** An ELF program header. */
export function linuxProgram(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(b);
  return b;
}

/** A PDF of `bytes` bytes (a valid header, then padding in a comment). */
export function bigPdf(bytes: number): Buffer {
  const head = pdf('besar');
  const out = Buffer.alloc(bytes, 0x20);
  head.copy(out);
  return out;
}

export async function deployBerkas(api: Api, token: string) {
  const res = await api.http.post('/api/deployments').set(bearer(token))
    .attach('files', `${dir}permohonan-berkas.bpmn`).attach('files', `${dir}form-permohonan-berkas.form`).attach('files', `${dir}form-verifikasi-berkas.form`);
  if (res.status >= 300) throw new Error(`deploy failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Uploads a PDF of `bytes` bytes produced piece by piece (the client never holds it whole) to
 * the server listening at `server`; answers the status and body.
 */
export async function streamUpload(server: Server, token: string, bytes: number, name = 'besar.pdf'): Promise<{ status: number; body: Record<string, unknown> }> {
  const { port } = server.address() as AddressInfo;
  const boundary = '----alur-spec-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const first = pdf('aliran');
  return new Promise((resolve, reject) => {
    const req = httpRequest({ port, method: 'POST', path: '/api/documents', headers: { ...bearer(token), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + bytes + tail.length } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: body ? JSON.parse(body) : {} }));
    });
    req.on('error', reject);
    const piece = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      if (sent === 0) { req.write(head); req.write(first); sent = first.length; }
      while (sent < bytes) {
        const n = Math.min(piece.length, bytes - sent);
        sent += n;
        if (!req.write(n === piece.length ? piece : piece.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}
