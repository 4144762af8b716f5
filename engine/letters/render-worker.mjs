// Fills a .docx template in a worker thread (engine/letters/render.ts starts one per job with a heap
// limit and terminates it past its time): docxtemplater is synchronous, so a template that loops
// too much must not hold the server's event loop. Plain JavaScript: the worker must not depend on
// the parent's loaders (tsx). Input (workerData): { files: [[name, Uint8Array]], data, mode:
// 'compile' | 'render', limits: { maxTags, maxLoopItems } }. Output: { ok: true, docx } or
// { ok: false, errors: [{ tag, message, code?, params? }] }: `code` and `params` name the catalog
// text (engine/messages/catalog/templates.ts) the server words the problem with, in the reader's language.
import { parentPort, workerData } from 'node:worker_threads';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';

const { files, data, mode, limits } = workerData;
let evaluations = 0;

/** A tag's value: `.` is the current item, `a.b` walks own properties only (never the prototype). */
function lookup(scope, path) {
  if (path === '.' || path === 'this') return scope;
  let value = scope;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = value[part];
  }
  return value;
}

/** One of Alur's own limits, with the numbers its catalog text needs. */
const limitError = (message, code, params) => Object.assign(new Error(message), { alurCode: code, alurParams: params });

/** docxtemplater's error ids that have catalog text, with the parameters that text needs. */
const KNOWN = {
  unclosed_tag: (p) => ({ code: 'unclosed-tag', params: { context: String(p.context ?? p.xtag ?? '').slice(0, 30) } }),
  unopened_tag: (p) => ({ code: 'unopened-tag', params: { context: String(p.context ?? p.xtag ?? '').slice(0, 30) } }),
  duplicate_open_tag: (p) => ({ code: 'duplicate-open-tag', params: { context: String(p.context ?? p.xtag ?? '').slice(0, 30) } }),
  duplicate_close_tag: (p) => ({ code: 'duplicate-close-tag', params: { context: String(p.context ?? p.xtag ?? '').slice(0, 30) } }),
  closing_tag_does_not_match_opening_tag: (p) => ({ code: 'closing-mismatch', params: { opening: String(p.openingtag ?? ''), closing: String(p.closingtag ?? '') } }),
  unclosed_loop: (p) => ({ code: 'unclosed-loop', params: { loop: String(p.xtag ?? '') } }),
  unopened_loop: (p) => ({ code: 'unopened-loop', params: { loop: String(p.xtag ?? '') } }),
  raw_xml_tag_should_be_only_text_in_paragraph: (p) => ({ code: 'raw-tag-alone', params: { tag: String(p.xtag ?? '') } }),
  raw_tag_outerxml_invalid: (p) => ({ code: 'not-in-paragraph', params: { tag: String(p.xtag ?? '') } }),
  unbalanced_loop_tags: () => ({ code: 'unbalanced-loops', params: {} }),
  loop_position_invalid: (p) => ({ code: 'loop-misplaced', params: { tag: String(p.tag ?? p.xtag ?? '') } }),
  invalid_xml_characters: (p) => ({ code: 'bad-characters', params: { tag: String(p.tag ?? p.xtag ?? '') } }),
  malformed_xml: () => ({ code: 'malformed-xml', params: {} }),
  file_has_invalid_xml: () => ({ code: 'malformed-xml', params: {} }),
};

const parser = (tag) => ({
  get(scope) {
    evaluations += 1;
    if (evaluations > limits.maxTags) throw limitError(`the template evaluates more than ${limits.maxTags} tags (a loop too large?)`, 'too-many-tags', { max: limits.maxTags });
    const value = lookup(scope, tag.trim());
    if (Array.isArray(value) && value.length > limits.maxLoopItems) throw limitError(`{${tag}} has ${value.length} items; a loop may repeat at most ${limits.maxLoopItems} times`, 'loop-too-long', { tag, count: value.length, max: limits.maxLoopItems });
    return value;
  },
});

/** docxtemplater's errors as { tag, message }, each once, at most ten (a runaway loop repeats one). */
function explain(err) {
  const list = err?.properties?.errors ?? [err];
  const seen = new Map();
  for (const e of list) {
    const p = e?.properties ?? {};
    const tag = p.xtag ?? p.tag ?? p.openingtag ?? null;
    const message = String(p.rootError?.message ?? p.explanation ?? e?.message ?? String(e)).slice(0, 300);
    const root = p.rootError ?? e;
    const coded = root?.alurCode ? { code: root.alurCode, params: root.alurParams } : KNOWN[p.id]?.(p);
    const key = `${tag}\u0000${message}`;
    if (!seen.has(key) && seen.size < 10) seen.set(key, { tag, message, ...(coded ?? {}) });
  }
  return [...seen.values()];
}

try {
  const zip = new PizZip();
  for (const [name, bytes] of files) zip.file(name, bytes);
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, parser, nullGetter: () => '', errorLogging: false });
  if (mode === 'render') {
    doc.render(data);
    const docx = doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
    parentPort.postMessage({ ok: true, docx }, [docx.buffer]);
  } else {
    parentPort.postMessage({ ok: true });
  }
} catch (err) {
  parentPort.postMessage({ ok: false, errors: explain(err) });
}
