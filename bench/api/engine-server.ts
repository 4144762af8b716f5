/**
 * What every bench/api script needs around the engine: a free port, the server as its own
 * process (`engine/main.ts` over PostgreSQL, as in production), waiting until it is healthy, and a
 * JSON caller on node:http with keep-alive (global fetch adds several milliseconds per request on
 * this machine, which would be measured as the engine's).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import http from 'node:http';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface EngineProcess { port: number; process: ChildProcess }

/** Starts the engine on `databaseUrl` (admin password `bench-admin`, no Redis) with `env` added; `node` options first (e.g. --cpu-prof). */
export async function spawnEngine(databaseUrl: string, env: Record<string, string> = {}, node: string[] = []): Promise<EngineProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...node, '--import', 'tsx', 'engine/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), ALUR_ADMIN_PASSWORD: 'bench-admin', REDIS_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { port, process: child };
}

/** Waits until `GET /health` on `port` answers 200 (at most a minute). */
export async function waitHealthy(port: number): Promise<void> {
  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return; } catch { /* not yet */ }
    if (i > 600) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A JSON call: resolves with the parsed body, rejects on a status of 300 or more. `to` overrides the port (a baseline server). */
export type JsonCall = (method: string, path: string, token?: string, body?: unknown, to?: number) => Promise<any>;

export function jsonCaller(port: number, agent: () => http.Agent | undefined): JsonCall {
  return (method, path, token, body, to = port) => new Promise<any>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port: to, path, method, agent: agent(), headers: { 'content-type': 'application/json', ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => (res.statusCode! >= 300 ? reject(new Error(`${method} ${path} → ${res.statusCode} ${text}`)) : resolve(text ? JSON.parse(text) : undefined)));
    });
    req.on('error', reject);
    req.end(payload);
  });
}
