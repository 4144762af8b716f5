/**
 * The production runtime: `npm run build`'s engine step compiles to dist/, and `npm run
 * start:prod` (node dist/engine/main.js, no tsx loaded) starts on an empty data folder and
 * answers /health and a login, and serves the apps as production does (no source maps). What dist/ imports must be installed by `npm ci --omit=dev`: every
 * package a compiled file imports is one of package.json's dependencies, not a dev dependency.
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

describe('build: the compiled engine (npm run build, npm run start:prod)', function () {
  this.timeout(600_000);
  let dir: string;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'alur-prod-'));
    for (const script of ['scripts/build-ui.mjs', 'scripts/build-engine.mjs']) {
      const built = spawnSync(process.execPath, [script], { encoding: 'utf8' });
      expect(built.status, built.stdout + built.stderr).to.equal(0);
    }
  });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it('given dist/, then every package a compiled file imports is a production dependency', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const imported = new Set<string>();
    for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
      if (!/\.(m?js)$/.test(file)) continue;
      const source = readFileSync(join('dist', file), 'utf8');
      // An import clause has no parentheses or semicolons, so SQL in a function after an export
      // (`(select number from "${...}")`) is never read as an import.
      for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"();]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
    expect(imported.size).to.be.greaterThan(10);
    expect([...imported].filter((name) => !(name in pkg.dependencies)).sort()).to.deep.equal([]);
  });

  it('given an empty data folder, when node runs dist/engine/main.js without tsx, then it answers /health and a login, and stops on SIGTERM', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, PORT: String(port), ALUR_DATA_DIR: dir, ALUR_ADMIN_PASSWORD: 'rahasia-admin' };
    const child = spawn(process.execPath, ['dist/engine/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let health: { status: string; queue: string } | undefined;
      for (let i = 0; i < 1500 && !health && child.exitCode === null; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/health`);
          if (res.ok) health = await res.json();
        } catch { await new Promise((r) => setTimeout(r, 100)); }
      }
      expect(health, output).to.include({ status: 'ok', queue: 'embedded' });
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'rahasia-admin' }) });
      expect(login.status, output).to.equal(200);
      // The compiled runtime is production: hashed bundles cached a year, their source maps not served.
      const page = await (await fetch(`http://127.0.0.1:${port}/inbox/`)).text();
      const script = /src="(inbox-[A-Z2-7]{8}\.js)"/.exec(page)?.[1];
      expect(script, page).to.be.a('string');
      expect((await fetch(`http://127.0.0.1:${port}/inbox/${script}`)).headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
      expect((await fetch(`http://127.0.0.1:${port}/inbox/${script}.map`)).status).to.equal(404);
      // No TypeScript loader was in the process: a .ts import would have failed the start.
      expect(output).not.to.match(/tsx|ERR_UNKNOWN_FILE_EXTENSION/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).to.equal(0);
  });
});
