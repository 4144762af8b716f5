/**
 * The English texts bpmn-js-token-simulation writes as fixed HTML (it has no translate service),
 * learnt from its sources: titles and aria-labels of its buttons, the text of its templates, and
 * the `text` of its log entries and notifications. A `${…}` inside a title is expanded when it is a
 * choice of literals (`wait ? 'Remove' : 'Add'`) or the speed labels, else filled with a sample.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

/**
 * Every template literal of `code`, nested ones too (a `${…}` may hold a template of its own, as
 * the speed buttons do): `raw` keeps a simple expression as `${…}` text (one holding a template
 * becomes a NUL), `flat` has every expression as a NUL.
 */
function templates(code: string): { raw: string; flat: string }[] {
  const out: { raw: string; flat: string }[] = [];
  // Reads the template starting after the backtick at `start`; returns the index after its closing backtick.
  const template = (start: number): number => {
    let i = start;
    let raw = '';
    let flat = '';
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') { raw += code.slice(i, i + 2); flat += code.slice(i, i + 2); i += 2; continue; }
      if (code[i] === '$' && code[i + 1] === '{') {
        const from = i + 2;
        i = expression(from);
        const expr = code.slice(from, i - 1);
        raw += expr.includes('`') ? '\u0000' : `\${${expr}}`;
        flat += '\u0000';
        continue;
      }
      raw += code[i];
      flat += code[i++];
    }
    out.push({ raw, flat });
    return i + 1;
  };
  // Reads an expression from `start` to its closing brace; returns the index after it.
  const expression = (start: number): number => {
    let depth = 0;
    let i = start;
    while (i < code.length) {
      const c = code[i];
      if (c === '`') { i = template(i + 1); continue; }
      if (c === "'" || c === '"') { const end = code.indexOf(c, i + 1); i = end < 0 ? code.length : end + 1; continue; }
      if (c === '{') depth++;
      if (c === '}') { if (depth === 0) return i + 1; depth--; }
      i++;
    }
    return i;
  };
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "'" || c === '"') { const end = code.indexOf(c, i + 1); i = end < 0 ? code.length : end; continue; }
    if (c === '`') i = template(i + 1) - 1;
  }
  return out;
}

/** Every way `value` reads once each `${expr}` in it is expanded. */
function expand(value: string, speeds: string[]): string[] {
  const match = /\$\{([^}]*)\}/.exec(value);
  if (!match) return [value];
  const expr = match[1].trim();
  const choice = /^[\w.]+\s*\?\s*'([^']*)'\s*:\s*'([^']*)'$/.exec(expr);
  const options = choice ? [choice[1], choice[2]] : expr === 'label' ? speeds : ['P1'];
  return options.flatMap((option) => expand(value.slice(0, match.index) + option + value.slice(match.index + match[0].length), speeds));
}

export function simulationStrings(libDir: string): string[] {
  const found = new Set<string>();
  const files = jsFiles(path.join(libDir, 'features'));
  const speedSource = readFileSync(path.join(libDir, 'features/set-animation-speed/SetAnimationSpeed.js'), 'utf8');
  const speeds = [.../SPEEDS = \[([\s\S]*?)\n\];/.exec(speedSource)![1].matchAll(/\[\s*'([^']+)'/g)].map((m) => m[1]);
  for (const file of files) {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const { raw, flat } of templates(code)) {
      if (!flat.includes('<')) continue;
      // Attributes a user reads as tooltips or a screen reader speaks; `${ text }` alone is data.
      for (const [, value] of raw.matchAll(/(?:title|aria-label)="([^"]*)"/g)) {
        if (!/^\$\{[^}]*\}$/.test(value.trim())) expand(value, speeds).forEach((v) => found.add(v));
      }
      // Text between tags, expressions (icons, data) taken out.
      const text = flat.replace(/<[^>]*>/g, '\u0000');
      for (const chunk of text.split('\u0000')) if (/[A-Za-z]{2,}/.test(chunk)) found.add(chunk.trim());
    }
    // Log entries and notifications: `text: 'Finished'`, `text: elementName || 'User Task'`.
    for (const [, literal] of code.matchAll(/\btext:\s*(?:[\w.]+\s*\|\|\s*)?'([^']+)'/g)) found.add(literal);
  }
  // The log's own sentences, built as `${name} ${'started' | 'finished' | 'canceled'}`.
  for (const scope of ['Process', 'SubProcess', 'Surat masuk']) for (const what of ['started', 'finished', 'canceled']) found.add(`${scope} ${what}`);
  return [...found].sort();
}
