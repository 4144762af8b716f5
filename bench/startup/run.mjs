// Measures `npm start` as a newcomer meets it (embedded mode, PGlite): a first start (UIs built,
// empty data folder) and a later start (nothing changed, same data folder), each split into
// building the UIs, loading the server's code, opening the database, migrations and the rest up to
// listening, and the wall time until /health answers 200. Reads the split from what `npm start`
// prints (scripts/build-ui.mjs lines, the "Alur listening" log line's `startup` field).
// Usage: node bench/startup/run.mjs   (env STARTUP_RUNS: later starts to take, default 3)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { fetch } = globalThis;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });
}

async function start(dataDir, env = {}) {
  const port = await freePort();
  const begin = Date.now();
  const child = spawn('npm', ['start'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), ALUR_DATA_DIR: dataDir, ALUR_ADMIN_PASSWORD: 'bench-startup', DATABASE_URL: '', REDIS_URL: '', ...env } });
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stderr.on('data', (chunk) => { out += chunk; });
  let healthyMs;
  while (healthyMs === undefined) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${out}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) healthyMs = Date.now() - begin;
    } catch { /* not yet */ }
    if (healthyMs === undefined) await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  const build = [...out.matchAll(/(designer|inbox): (?:built in|up to date \(checked in) (\d+) ms/g)].reduce((n, m) => n + Number(m[2]), 0);
  const line = out.split('\n').find((l) => l.includes('"startup"'));
  const startup = line ? JSON.parse(line).startup : {};
  return { buildMs: build, ...startup, healthyMs };
}

const runs = Number(process.env.STARTUP_RUNS ?? 3);
const dataDir = mkdtempSync(path.join(tmpdir(), 'alur-startup-'));
try {
  const rows = [['first start (UIs built, new data folder)', await start(dataDir, { ALUR_UI_BUILD: 'always' })]];
  for (let i = 1; i <= runs; i++) rows.push([`later start ${i}`, await start(dataDir)]);
  console.log('| start | build UIs | load code | open database | migrations | wiring | listen | /health 200 (wall) | server CPU |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const s = (ms) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
  for (const [name, r] of rows) console.log(`| ${name} | ${s(r.buildMs)} | ${s(r.loadMs)} | ${s(r.databaseOpenMs)} | ${s(r.migrationsMs)} | ${s(r.wiringMs)} | ${s(r.listenMs)} | ${s(r.healthyMs)} | ${s(r.cpuMs)} |`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
