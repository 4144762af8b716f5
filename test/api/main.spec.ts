/**
 * `npm start`'s entry point as a real process: a fresh data folder is initialised, /health turns
 * green, the admin password from the environment works, and SIGTERM stops it cleanly (exit 0,
 * lock released) — through tsx, and as `npm start` runs it (scripts/start.mjs: the engine
 * transpiled once into node_modules/.cache/alur-run and run with plain node; a later start
 * finds it up to date).
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

describe('engine/main.ts (npm start)', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'alur-main-')); });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it('starts on an empty data folder, answers /health and login, and stops on SIGTERM', async () => {
    await startAndStop(dir, ['--import', 'tsx', 'engine/main.ts']);
  });

  it('as npm start runs it (scripts/start.mjs, plain node), starts, answers, stops, and a later start reuses the transpiled engine', async () => {
    const other = mkdtempSync(join(tmpdir(), 'alur-start-'));
    try {
      const first = await startAndStop(other, ['scripts/start.mjs']);
      // The browser apps are checked first (designer:, inbox: lines), then the engine.
      const engineLine = (out: string) => out.split('\n').find((line) => line.startsWith('engine: '));
      expect(first.split('\n')[0]).to.match(/^designer: /);
      expect(engineLine(first)).to.match(/^engine: (transpiled \d+ files|up to date)/);
      const later = await startAndStop(other, ['scripts/start.mjs']);
      expect(engineLine(later)).to.match(/^engine: up to date/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

/** Starts the server with `args` on data folder `dir`, checks /health and a login, stops it with SIGTERM; returns its output. */
async function startAndStop(dir: string, args: string[]): Promise<string> {
  {
    const port = await freePort();
    const env = { ...process.env, PORT: String(port), ALUR_DATA_DIR: dir, ALUR_ADMIN_PASSWORD: 'rahasia-admin', DATABASE_URL: '', REDIS_URL: '' };
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let health: { status: string; database: string; queue: string } | undefined;
      for (let i = 0; i < 1500 && !health; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/health`);
          if (res.ok) health = await res.json();
        } catch { await new Promise((r) => setTimeout(r, 100)); }
      }
      expect(health, output).to.include({ status: 'ok', queue: 'embedded' });
      expect(health!.database).to.contain('pglite');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'rahasia-admin' }) })
        .catch((err) => { throw new Error(`login failed (${(err as Error).message}); server output:\n${output}`); });
      expect(login.status, output).to.equal(200);
      expect(output).not.to.contain('rahasia-admin');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).to.equal(0);
    expect(existsSync(join(dir, 'alur.lock'))).to.equal(false);
    return output;
  }
}
