/**
 * compileBpmn on a thread of its own (compile-thread.ts), for a server: a deployment's parse and
 * rules cost its size, and must not hold the thread that answers every tenant's requests. One
 * thread, started on first use, takes deployments in order; the answer is what compileBpmn
 * answers in this thread (its texts revived, its models frozen again).
 */
import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads/start.js';
import { reviveText } from '../messages/text.js';
import { deepFreeze, type CompileOptions, type CompileResult } from './compile.js';

export type BpmnCompiler = (xml: string | Uint8Array, opts: Omit<CompileOptions, 'translateExpression'>) => Promise<CompileResult>;

interface Pending { resolve: (r: CompileResult) => void; reject: (e: Error) => void }

export function compilerThread(): BpmnCompiler & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let lastId = 0;
  const pending = new Map<number, Pending>();

  function failAll(err: Error): void {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  }

  function thread(): Worker {
    if (worker) return worker;
    const started = startThread(import.meta.url, './compile-thread', null);
    started.unref();
    started.on('message', (reply: { id: number; result?: CompileResult; error?: string }) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.result) p.resolve(revived(reply.result));
      else p.reject(new Error(reply.error));
    });
    const lost = (err: Error) => {
      if (worker !== started) return;
      worker = undefined;
      failAll(new Error(`the compiler thread failed: ${err.message}`));
    };
    started.on('error', lost);
    started.on('exit', (code) => lost(new Error(`exited (${code})`)));
    return (worker = started);
  }

  const compile = (xml: string | Uint8Array, opts: Omit<CompileOptions, 'translateExpression'>) => new Promise<CompileResult>((resolve, reject) => {
    const id = ++lastId;
    pending.set(id, { resolve, reject });
    thread().postMessage({ id, xml, opts });
  });
  return Object.assign(compile, {
    async close() {
      const current = worker;
      worker = undefined;
      failAll(new Error('the compiler thread is closed'));
      await current?.terminate();
    },
  });
}

function revived(result: CompileResult): CompileResult {
  const warnings = result.warnings.map((w) => (w.text ? { ...w, text: reviveText(w.text) } : w));
  if (!result.ok) return { ...result, warnings, errors: result.errors.map((e) => (e.text ? { ...e, text: reviveText(e.text) } : e)) };
  return { ...result, warnings, definitions: deepFreeze(result.definitions) };
}
