// Fills a .docx template in a worker thread (engine/letters/render.ts starts one per job with a heap
// limit and terminates it past its time): docxtemplater is synchronous, so a template that loops
// too much must not hold the server's event loop. Plain JavaScript: the worker must not depend on
// the parent's loaders (tsx). Input (workerData): { files: [[name, Uint8Array]], data, mode:
// 'compile' | 'render', limits: { maxTags, maxLoopItems } }. Output: { ok: true, docx } or
// { ok: false, errors: [{ tag, message }] }.
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

const parser = (tag) => ({
  get(scope) {
    evaluations += 1;
    if (evaluations > limits.maxTags) throw new Error(`the template evaluates more than ${limits.maxTags} tags (a loop too large?)`);
    const value = lookup(scope, tag.trim());
    if (Array.isArray(value) && value.length > limits.maxLoopItems) throw new Error(`{${tag}} has ${value.length} items; a loop may repeat at most ${limits.maxLoopItems} times`);
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
    const key = `${tag}\u0000${message}`;
    if (!seen.has(key) && seen.size < 10) seen.set(key, { tag, message });
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
