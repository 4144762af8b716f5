/**
 * The core is pure: no I/O, adapters, clock, randomness or environment. eslint enforces this too;
 * this scan makes it a test that fails with the file and line, whatever the lint config says.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const coreDir = join(root, 'engine', 'core');
/** Working-day arithmetic the core is handed calendars for: pure too (plain JavaScript for the FEEL worker). */
const calendarDir = join(root, 'engine', 'calendar');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.mts') ? [full] : [];
  });
}

/** Import specifiers of a TypeScript source (static imports, re-exports and dynamic imports). */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  for (const m of text.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

const FORBIDDEN_MODULES = /^(node:.*|fs|fs\/promises|path|os|crypto|child_process|worker_threads|net|http|https|knex|knex-pglite|bullmq|ioredis|express|pg|pino|nodemailer)$/;
const FORBIDDEN_PATHS = /\/(store|runner|api|service|memory|auth|packs|cli)\//;
const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bprocess\.env\b/, 'process.env'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\b(setTimeout|setInterval|setImmediate)\s*\(/, 'timers'],
  [/\bcrypto\.randomUUID\s*\(/, 'crypto.randomUUID()'],
  [/\beval\s*\(|\bnew\s+Function\s*\(/, 'eval / Function'],
];

/** Comments say why; they may name what is forbidden. */
const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('core purity', () => {
  const files = [...sources(coreDir), ...sources(calendarDir)];

  it('given engine/core, then there are source files to check (the scan is not vacuous)', () => {
    expect(files.length).to.be.greaterThan(20);
    expect(files.map((f) => relative(coreDir, f))).to.include.members(['step.ts', 'flow.ts', join('elements', 'user-task.ts')]);
  });

  it('given every core source, then none imports node built-ins, fs, knex, bullmq, ioredis, express, pg or an adapter', () => {
    const offences: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (FORBIDDEN_MODULES.test(spec) || FORBIDDEN_PATHS.test(spec)) offences.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offences).to.deep.equal([]);
  });

  it('given every core source, then relative imports stay inside engine/core or reach only engine/expressions and engine/calendar', () => {
    const offences: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8')).filter((s) => s.startsWith('.'))) {
        const target = relative(root, join(dirname(file), spec));
        if (!['core', 'expressions', 'calendar'].some((dir) => target.startsWith(join('engine', dir)))) offences.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offences).to.deep.equal([]);
  });

  it('given every core source, then none reads the clock, randomness or the environment, or waits', () => {
    const offences: string[] = [];
    for (const file of files) {
      const lines = stripComments(readFileSync(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        for (const [re, what] of FORBIDDEN_CALLS) if (re.test(line)) offences.push(`${relative(root, file)}:${i + 1} uses ${what}`);
      });
    }
    expect(offences).to.deep.equal([]);
  });

  it('given the scan, when a forbidden line is shown to it, then it is caught (the patterns work)', () => {
    const sample = stripComments("import x from 'node:fs';\nconst t = Date.now();\nconst r = Math.random();\nconst e = process.env.X;\nconst d = new Date();");
    expect(importsOf(sample)).to.deep.equal(['node:fs']);
    expect(FORBIDDEN_CALLS.filter(([re]) => re.test(sample)).map(([, what]) => what)).to.deep.equal(['Date.now()', 'new Date()', 'Math.random()', 'process.env']);
  });
});
