/**
 * Issue 16, "done when": another tenant's request is answered within 200 ms while each of attacks
 * 1–5 runs. The server is engine/main.ts in its own process (as in production, embedded runner),
 * on PGlite and on PostgreSQL; the hostile tenant repeats one attack for a few seconds while the
 * other tenant starts a case and lists its task, request after request, timing each answer.
 *
 * A timed assertion, required by the issue, made robust: what is compared is the 80th percentile
 * of the other tenant's answers during the attack (one slow answer in five is the machine, not the
 * attack: an attack that holds the server's event loop — as the step-time attack did, 2 s at a
 * time — slows nearly all of them), against 200 ms plus the same percentile measured on the same
 * server with no attack just before (the margin: what a loaded CI machine takes anyway, a few ms
 * on a quiet one). Each attack also has to have happened: the answers and incidents it left.
 */
import { expect } from 'chai';
import http from 'node:http';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import knexPkg from 'knex';
import { startServer, type RunningServer } from '../browser/support/server.js';
import { QUIET, FAST_START, FAN, PATTERN_FORM, BACKTRACKER, hostileModels } from './availability-attacks.js';

const WINDOW_MS = 4000;
const LIMIT_MS = 200;

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN; };

/** PGlite always; PostgreSQL (a fresh database, dropped after) when DATABASE_URL is set. */
function backends(): { name: string; url?: string }[] {
  const url = process.env.DATABASE_URL;
  return url ? [{ name: 'pglite' }, { name: 'postgres', url }] : [{ name: 'pglite' }];
}

for (const backend of backends()) {
  describe(`api: another tenant is answered while attacks 1–5 run [${backend.name}]`, function () {
    this.timeout(180_000);
    let server: RunningServer;
    let dropDatabase: (() => Promise<void>) | undefined;
    const silentSockets: net.Socket[] = [];
    let silent: net.Server;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    let quiet: string;
    let hostile: string;
    let baseline: number;

    /** A JSON request: its status, body and how long the answer took. */
    const request = (method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any; ms: number }> => new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const started = performance.now();
      const req = http.request({ host: '127.0.0.1', port: server.port, path, method, agent, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => { text += c; });
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined, ms: performance.now() - started }));
      });
      req.on('error', reject);
      req.end(payload);
    });
    const deploy = async (token: string, files: [string, string, string][]) => {
      const form = new FormData();
      for (const [field, content, name] of files) form.append(field, new Blob([content]), name);
      const res = await fetch(`${server.url}/api/deployments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      lastDeploy = await res.text();
      return res.status;
    };
    let lastDeploy = '';
    const start = async (token: string, processKey: string, variables: Record<string, unknown> = {}) => {
      const res = await request('POST', '/api/process-instances', token, { processKey, variables });
      return res.status === 201 ? 'started' : String(res.status);
    };

    /** The other tenant's requests, one after another, until `until` says stop: each answer's time. */
    async function otherTenant(until: () => boolean): Promise<number[]> {
      const times: number[] = [];
      while (!until()) {
        const started = await request('POST', '/api/process-instances', quiet, { processKey: 'layanan' });
        expect(started.status, JSON.stringify(started.body)).to.equal(201);
        const tasks = await request('GET', `/api/tasks?filter=all&processInstanceId=${started.body.id}`, quiet);
        expect(tasks.status).to.equal(200);
        expect(tasks.body.items).to.have.length(1);
        times.push(started.ms, tasks.ms);
      }
      return times;
    }

    /** Runs `attempt` over and over for WINDOW_MS while the other tenant is timed; the answers the attack got. */
    async function whileAttacking(attempt: () => Promise<string>, pauseMs = 0): Promise<{ times: number[]; answers: string[] }> {
      const answers: string[] = [];
      let stop = false;
      const attacker = (async () => {
        while (!stop) {
          answers.push(await attempt());
          if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        }
      })();
      const until = Date.now() + WINDOW_MS;
      const times = await otherTenant(() => Date.now() > until);
      stop = true;
      await attacker;
      return { times, answers };
    }

    function expectAnswered(times: number[], attack: string): void {
      const p80 = pct(times, 80);
      expect(times.length, `${attack}: requests of the other tenant during the attack`).to.be.at.least(6);
      expect(p80, `${attack}: 80th percentile of ${times.length} answers (${times.map((t) => t.toFixed(0)).join(', ')} ms) against ${LIMIT_MS} ms + ${baseline.toFixed(0)} ms measured without an attack`).to.be.at.most(LIMIT_MS + baseline);
    }

    async function incidentTypes(): Promise<string[]> {
      const res = await request('GET', '/api/incidents?limit=500', hostile);
      return [...new Set((res.body.items as { type: string }[]).map((i) => i.type))].sort();
    }

    before(async () => {
      silent = net.createServer((socket) => { silentSockets.push(socket); socket.on('error', () => undefined); });
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
      let databaseUrl = '';
      if (backend.url) {
        const name = `alur_test_${randomBytes(6).toString('hex')}`;
        const admin = knexPkg.knex({ client: 'pg', connection: backend.url, pool: { min: 0, max: 1 } });
        await admin.raw(`CREATE DATABASE ${name}`);
        databaseUrl = Object.assign(new URL(backend.url), { pathname: `/${name}` }).toString();
        dropDatabase = async () => { await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await admin.destroy(); };
      }
      // Embedded runner (no Redis): attack 5 stalled its one loop. The silent socket is on loopback, which the http connector refuses unless allowed.
      server = await startServer({ env: { DATABASE_URL: databaseUrl, REDIS_URL: '', ALUR_HTTP_ALLOW_PRIVATE: '127.0.0.1' } });
      const root = (await request('POST', '/api/auth/login', undefined, { username: 'admin', password: server.adminPassword })).body.token;
      for (const t of ['tenang', 'jahat']) {
        expect((await request('POST', '/api/tenants', root, { id: t, name: t })).status).to.equal(201);
        expect((await request('POST', '/api/users', root, { username: `${t}-ana`, password: 'sandi-rahasia-1', tenant: t, roles: ['analyst', 'staff'], groups: ['loket'] })).status).to.equal(201);
      }
      quiet = (await request('POST', '/api/auth/login', undefined, { username: 'tenang-ana', password: 'sandi-rahasia-1' })).body.token;
      hostile = (await request('POST', '/api/auth/login', undefined, { username: 'jahat-ana', password: 'sandi-rahasia-1' })).body.token;
      expect(await deploy(quiet, [['bpmn', QUIET, 'layanan.bpmn']])).to.equal(201);
      const { port } = silent.address() as net.AddressInfo;
      expect(await deploy(hostile, [['bpmn', hostileModels(`http://127.0.0.1:${port}/`), 'jahat.bpmn'], ['form', PATTERN_FORM, 'form-kode.form']]), lastDeploy).to.equal(201);
      await otherTenant(((n) => () => n-- <= 0)(5)); // warm up: the first requests compile what they use
      const started = Date.now();
      baseline = pct(await otherTenant(() => Date.now() - started > 3000), 80);
    });

    after(async () => {
      await server?.stop();
      for (const s of silentSockets) s.destroy();
      silent?.close();
      agent.destroy();
      await dropDatabase?.();
    });

    it('attack 1: while a timer cycling every millisecond is deployed, and a boundary cycle computes one, over and over', async () => {
      let n = 0;
      const { times, answers } = await whileAttacking(async () => (n++ % 2 === 0 ? start(hostile, 'siklus', { cycle: 'R/PT0.001S' }) : String(await deploy(hostile, [['bpmn', FAST_START, 'banjir.bpmn']]))));
      expect(answers).to.include('400');
      expect(answers).to.include('started');
      expectAnswered(times, 'attack 1');
    });

    it('attack 2: while a 10,000-branch gateway is deployed and 20,000 multi-instance items are sent, over and over', async () => {
      let n = 0;
      const items = Array.from({ length: 20_000 }, (_, i) => i);
      const { times, answers } = await whileAttacking(async () => (n++ % 2 === 0 ? String(await deploy(hostile, [['bpmn', FAN, 'kipas.bpmn']])) : start(hostile, 'items', { items })));
      expect(answers).to.include('400');
      expect(answers).to.include('started');
      expect(await incidentTypes()).to.include('multi-instance-limit');
      expectAnswered(times, 'attack 2');
    });

    it('attack 3: while FEEL builds 67 million elements, and a loop of FEEL rounds burns the step budget, over and over', async () => {
      let n = 0;
      const { times, answers } = await whileAttacking(() => (n++ % 2 === 0 ? start(hostile, 'rounds', { n: 0 }) : start(hostile, 'doubling')));
      expect(answers.every((a) => a === 'started'), answers.join(', ')).to.equal(true);
      expect(await incidentTypes()).to.include.members(['expression', 'step-time']);
      expectAnswered(times, 'attack 3');
    });

    it('attack 4: while a start form pattern ^(a+)+$ gets a 33-character value that backtracks, over and over', async () => {
      const { times, answers } = await whileAttacking(() => start(hostile, 'pola', { kode: BACKTRACKER }));
      expect(new Set(answers)).to.deep.equal(new Set(['400']));
      expectAnswered(times, 'attack 4');
    });

    it('attack 5: while http jobs wait on a socket that never answers (timeout 30 s, the maximum)', async () => {
      const { times, answers } = await whileAttacking(() => start(hostile, 'lambat'), 200);
      expect(new Set(answers)).to.deep.equal(new Set(['started']));
      expect(silentSockets.length, 'connections the jobs opened to the silent socket').to.be.greaterThan(0);
      expectAnswered(times, 'attack 5');
    });
  });
}
