/**
 * Starts a real Alur server for browser tests: `npx tsx engine/main.ts` on a free port with a
 * fresh PGlite data directory and a known admin password, and waits until /health answers.
 * Owns only the processes and folders it creates; stop() ends the server's process group and
 * removes the data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  adminPassword: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment for the server, e.g. { ALUR_CLOCK_CONTROLLED: 'true' }. */
  env?: Record<string, string>;
  /** The port to listen on (default: a free one); a spec that must name the server's address in its env (ALUR_PUBLIC_URL) picks it first. */
  port?: number;
  /** How long to wait for /health (default 90 s: the first start builds nothing but migrates). */
  timeoutMs?: number;
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer /health within ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'alur-browser-'));
  const adminPassword = `admin-${Math.random().toString(36).slice(2, 10)}`;
  const child = spawn('npx', ['tsx', 'engine/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true', PORT: String(port), ALUR_DATA_DIR: dataDir, ALUR_ADMIN_PASSWORD: adminPassword, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 10000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, options.timeoutMs ?? 90000, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, dataDir, adminPassword, output: () => log, stop };
}
