/**
 * The API's layering, read from the source: a route checks input, calls a read (service/reads.ts,
 * which decides what the caller may see) or a command (the Engine, service/administration.ts),
 * and shapes the answer. No route reaches the database itself — no knex, no engine dependencies,
 * no store function (types and constants only) — so visibility cannot be decided twice, differently.
 * The behaviour behind it is asserted by the API specs (tasks, instances, documents, starting…).
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const routes = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'engine', 'api', 'routes');
const api = join(routes, '..');
const files = readdirSync(routes).filter((f) => f.endsWith('.ts')).map((f) => ({ name: f, source: readFileSync(join(routes, f), 'utf8') }));

/** The names a file imports from engine/store, except `type` imports. */
function storeValues(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'[./]*\/store\/[^']+'/g)) {
    if (m[1]) continue;
    for (const part of m[2].split(',').map((p) => p.trim()).filter(Boolean)) if (!part.startsWith('type ')) names.push(part);
  }
  return names;
}

describe('api: routes reach the database only through reads and commands', () => {
  it('given the route modules, then there are some to check', () => {
    expect(files.map((f) => f.name)).to.include.members(['tasks.ts', 'instances.ts', 'documents.ts']);
  });

  for (const { name, source } of files) {
    it(`given routes/${name}, then it names no knex and no engine dependency`, () => {
      expect(source, 'knex').not.to.match(/\bknex\b/i);
      expect(source, 'engine.deps').not.to.match(/engine\.deps\b|\.deps\.(knex|clock|models)\b/);
    });

    it(`given routes/${name}, then it imports only types and constants from the store`, () => {
      // A constant (TASK_SEARCH_MAX) is a limit the route states; any function would be a read of its own.
      expect(storeValues(source).filter((n) => !/^[A-Z][A-Z0-9_]*$/.test(n))).to.deep.equal([]);
    });
  }

  // What every request passes through before its route: the bearer token's lookup and /health.
  for (const name of ['app.ts', 'authenticate.ts']) {
    it(`given api/${name}, then it names no knex: the token and the database's answer are read through service/reads.ts`, () => {
      expect(readFileSync(join(api, name), 'utf8'), 'knex').not.to.match(/\bknex\b/i);
    });
  }
});
