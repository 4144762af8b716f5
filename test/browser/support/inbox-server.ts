/**
 * Starts the real Alur server (engine/main.ts, embedded mode: PGlite in a fresh temporary folder,
 * in-process runner) on a free port for the inbox browser tests, with a known admin password.
 * Owns that child process and its data folder; `stop()` ends the process and removes the folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface InboxServer {
  url: string;
  adminPassword: string;
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startInboxServer(): Promise<InboxServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'alur-inbox-test-'));
  const adminPassword = `inbox-admin-${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    ALUR_DATA_DIR: dataDir,
    ALUR_ADMIN_PASSWORD: adminPassword,
    IBM_TELEMETRY_DISABLED: 'true',
  };
  // Embedded mode on purpose: the inbox must work with nothing but Node.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'engine/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => { output += chunk; });
  child.stderr?.on('data', (chunk) => { output += chunk; });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const health = await fetch(`${url}/health`);
      if (health.ok) return { url, adminPassword, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stop();
  throw new Error(`the Alur server did not become healthy:\n${output.slice(-4000)}`);
}
