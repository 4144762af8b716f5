/**
 * `npm start` builds a browser app only when something it is built from changed
 * (scripts/ui-build-stamp.mjs). Shown on a made-up app in a scratch folder whose build.mjs counts
 * its runs and reports its inputs as esbuild's metafile does: built once, then skipped, then
 * built again after a source, the lockfile or the build script changed, or dist/ went missing.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIfChanged } from '../../scripts/ui-build-stamp.mjs';

const BUILD = `
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
appendFileSync('runs.txt', 'x');
mkdirSync('app/dist', { recursive: true });
writeFileSync('app/dist/index.html', '<p>app</p>');
const at = process.argv.indexOf('--metafile');
writeFileSync(process.argv[at + 1], JSON.stringify({ inputs: { 'app/src/main.ts': {}, 'node_modules/lib/index.js': {}, 'node_modules/lib/font.eot?123#iefix': {}, 'virtual:config': {} } }));
`;

describe('UI builds only when their sources changed (scripts/ui-build-stamp.mjs)', function () {
  this.timeout(30_000);
  let root: string;
  const runs = () => readFileSync(path.join(root, 'runs.txt'), 'utf8').length;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const build = () => buildIfChanged(root, 'app', () => {});

  beforeEach(function () {
    root = mkdtempSync(path.join(tmpdir(), 'alur-ui-stamp-'));
    write('app/build.mjs', BUILD);
    write('app/src/index.html', '<!doctype html>');
    write('app/src/main.ts', 'export const a = 1;');
    write('node_modules/lib/index.js', 'export default 1;');
    write('node_modules/lib/font.eot', 'font');
    write('package-lock.json', '{}');
    write('runs.txt', '');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given an app built once, when started again with nothing changed, then it is not built again', function () {
    expect(build()).to.equal('built');
    expect(build()).to.equal('up to date');
    expect(runs()).to.equal(1);
  });

  const changes: [string, () => void][] = [
    ['a source file', () => write('app/src/main.ts', 'export const a = 2;')],
    ['a library file it bundled', () => write('node_modules/lib/index.js', 'export default 2;')],
    ['a font a stylesheet names with ?query#fragment', () => write('node_modules/lib/font.eot', 'other font')],
    ['the lockfile', () => write('package-lock.json', '{"v":2}')],
    ['the build script', () => write('app/build.mjs', `${BUILD}\n// changed`)],
    ['dist/ (deleted)', () => rmSync(path.join(root, 'app', 'dist'), { recursive: true })],
    ['a source file (deleted)', () => rmSync(path.join(root, 'app', 'src', 'main.ts'))],
  ];
  for (const [what, change] of changes) {
    it(`given an app built once, when ${what} changes, then the next start builds it`, function () {
      build();
      change();
      expect(build()).to.equal('built');
      expect(runs()).to.equal(2);
    });
  }

  it('given ALUR_UI_BUILD=always, then it builds even when nothing changed', function () {
    build();
    process.env.ALUR_UI_BUILD = 'always';
    try {
      expect(build()).to.equal('built');
    } finally {
      delete process.env.ALUR_UI_BUILD;
    }
  });
});
