/** A local HTTP server that records requests and answers as the spec says, and a Job builder. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Job } from '../../engine/runner/registry.js';

export interface Recorded { method: string; url: string; headers: IncomingMessage['headers']; body: string }

export interface TestServer {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export type Reply = (req: Recorded) => { status: number; body?: unknown; contentType?: string; delayMs?: number; location?: string };

export async function startServer(reply: Reply): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(rec);
      const answer = reply(rec);
      const send = () => {
        const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': answer.contentType ?? (typeof answer.body === 'string' ? 'text/plain' : 'application/json'), ...(answer.location ? { location: answer.location } : {}) });
        res.end(text);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export function job(type: string, headers: Record<string, string>, variables: Record<string, unknown> = {}): Job {
  return { key: 3, instanceId: '00000000-0000-4000-8000-000000000001', tenant: 'semarang', type, elementId: 'Task', headers, variables, retries: 3 };
}
