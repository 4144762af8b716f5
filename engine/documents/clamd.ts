/**
 * ALUR_CLAMAV: uploads streamed to clamd (ClamAV's daemon) with its INSTREAM command while they
 * are stored, and accepted only when clamd answers `OK`. A finding refuses the upload (415, the
 * signature named); clamd unreachable or failing refuses it too (503) — with scanning configured
 * nothing unscanned is accepted. Protocol: `zINSTREAM\0`, then chunks as a 4-byte big-endian length
 * and the bytes, a zero length to end; the answer is `stream: OK` or `stream: <name> FOUND`.
 */
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import type { Scanner, ScanSession } from './scanner.js';
import { UnsupportedMediaType, Unavailable } from '../service/errors.js';
import { text } from '../messages/index.js';

/** `address`: a Unix socket path, or `host:port`. */
export function clamdScanner(address: string, timeoutMs = 60_000): Scanner {
  const target = /^[^/].*:\d+$/.test(address)
    ? { host: address.slice(0, address.lastIndexOf(':')), port: Number(address.slice(address.lastIndexOf(':') + 1)) }
    : { path: address };
  return {
    async open(): Promise<ScanSession> {
      const socket: Socket = connect(target as { path: string });
      socket.setTimeout(timeoutMs, () => socket.destroy(new Error('clamd timed out')));
      let reply = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => { reply += d; });
      const closed = new Promise<void>((resolve, reject) => {
        socket.on('error', reject);
        socket.on('close', () => resolve());
      });
      closed.catch(() => {});
      try {
        await Promise.race([once(socket, 'connect'), closed.then(() => { throw new Error('clamd closed the connection'); })]);
      } catch {
        socket.destroy();
        throw new Unavailable(text('document.scan-failed'));
      }
      const send = async (buf: Buffer) => {
        if (!socket.write(buf)) await Promise.race([once(socket, 'drain'), closed]);
      };
      try {
        await send(Buffer.from('zINSTREAM\0'));
      } catch {
        throw new Unavailable(text('document.scan-failed'));
      }
      return {
        async write(chunk) {
          const head = Buffer.alloc(4);
          head.writeUInt32BE(chunk.byteLength);
          try {
            await send(head);
            await send(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          } catch {
            throw new Unavailable(text('document.scan-failed'));
          }
        },
        async finish() {
          try {
            await send(Buffer.alloc(4));
            socket.end();
            await closed;
          } catch {
            throw new Unavailable(text('document.scan-failed'));
          }
          const answer = reply.replace(/\0/g, '').trim();
          if (/^stream: OK$/.test(answer)) return;
          const found = /^stream: (.+) FOUND$/.exec(answer);
          if (found) throw new UnsupportedMediaType(text('document.infected', { signature: found[1] }));
          throw new Unavailable(text('document.scan-failed'));
        },
        abort() { socket.destroy(); },
      };
    },
  };
}
