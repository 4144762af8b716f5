/**
 * Document throughput (issue 15): a 10 MB PDF uploaded (POST /api/documents) and downloaded
 * (GET /api/documents/{id}/content) over HTTP on localhost, beside a plain `pg` large object of the
 * same bytes (`lo_from_bytea` in, `lo_get` out — the database's own fastest path, holding the file
 * whole in memory, which Alur never does) in the same run, against the same PostgreSQL. Each side
 * runs `rounds` times in the order Alur, baseline, baseline, Alur, so drift in the machine's load
 * falls on both alike; the ratio is baseline time ÷ Alur time (target ≥ 0.5). Every upload has
 * different bytes (no shortcut through an existing blob). The server runs as its own process.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/api/documents.ts [rounds=4]
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import knexPkg from 'knex';
import { spawnEngine, waitHealthy } from './engine-server.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (the bench needs PostgreSQL)');
const rounds = Number(process.argv[2] ?? 4);
const SIZE = 10 * 1024 * 1024;
const admin = knexPkg.knex({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
const dbName = `alur_bench_docs_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(base), { pathname: `/${dbName}` }).toString();

function content(): Buffer {
  const b = randomBytes(SIZE);
  b.write('%PDF-1.4\n%bench\n', 0, 'latin1');
  return b;
}

async function main(): Promise<void> {
  await admin.raw(`CREATE DATABASE ${dbName}`);
  const { port, process: server } = await spawnEngine(dbUrl, { ALUR_MAX_DOCUMENT_MB: '11' });
  const agent = new http.Agent({ keepAlive: true });
  const baseline = new pg.Client({ connectionString: dbUrl });
  const json = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  const upload = (token: string, bytes: Buffer) => new Promise<string>((resolve, reject) => {
    const boundary = '----alur-bench';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gambar.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/documents', agent, headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + bytes.length + tail.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => (res.statusCode === 201 ? resolve(JSON.parse(text).id) : reject(new Error(`upload → ${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.write(head);
    req.write(bytes);
    req.end(tail);
  });
  const download = (token: string, id: string) => new Promise<number>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: `/api/documents/${id}/content`, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let n = 0;
      res.on('data', (d: Buffer) => { n += d.length; });
      res.on('end', () => (n === SIZE ? resolve(n) : reject(new Error(`download: ${n} bytes`))));
    }).on('error', reject);
  });
  const timed = async (work: () => Promise<unknown>) => {
    const t = performance.now();
    await work();
    return (performance.now() - t) / 1000;
  };
  try {
    await waitHealthy(port);
    await baseline.connect();
    const root = (await json('POST', '/api/auth/login', undefined, { username: 'admin', password: 'bench-admin' })).token;
    await json('POST', '/api/tenants', root, { id: 'bench', name: 'Bench' });
    await json('POST', '/api/users', root, { username: 'bench-loket', password: 'bench-pass-1', tenant: 'bench', roles: ['staff'] });
    const token = (await json('POST', '/api/auth/login', undefined, { username: 'bench-loket', password: 'bench-pass-1' })).token;

    const alur = { up: 0, down: 0, n: 0 };
    const lo = { up: 0, down: 0, n: 0 };
    const alurRound = async () => {
      const bytes = content();
      let id = '';
      alur.up += await timed(async () => { id = await upload(token, bytes); });
      alur.down += await timed(() => download(token, id));
      alur.n++;
    };
    const loRound = async () => {
      const bytes = content();
      let oid = 0;
      lo.up += await timed(async () => { oid = (await baseline.query('select lo_from_bytea(0, $1) as oid', [bytes])).rows[0].oid; });
      lo.down += await timed(async () => {
        const got: Buffer = (await baseline.query('select lo_get($1) as data', [oid])).rows[0].data;
        if (got.length !== SIZE) throw new Error('baseline read short');
      });
      lo.n++;
    };
    await alurRound(); // warm-up of both, not counted
    await loRound();
    Object.assign(alur, { up: 0, down: 0, n: 0 });
    Object.assign(lo, { up: 0, down: 0, n: 0 });
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 0) { await alurRound(); await loRound(); } else { await loRound(); await alurRound(); }
    }
    const mbps = (seconds: number, n: number) => ((SIZE * n) / 1048576 / seconds).toFixed(0);
    console.log(`\ndirection | Alur MB/s | pg large object MB/s | ratio\n--- | --- | --- | ---`);
    console.log(`upload | ${mbps(alur.up, alur.n)} | ${mbps(lo.up, lo.n)} | ${(lo.up / alur.up).toFixed(2)}`);
    console.log(`download | ${mbps(alur.down, alur.n)} | ${mbps(lo.down, lo.n)} | ${(lo.down / alur.down).toFixed(2)}`);
    console.log(`\n${rounds} rounds of 10 MB each way after one warm-up round`);
  } finally {
    agent.destroy();
    await baseline.end().catch(() => {});
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await admin.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.destroy();
  }
}

await main();
