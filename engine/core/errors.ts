/** Faults of the core, named by whose fault they are (see STYLE.md). */

/** Why an input is refused; the engine words it in the reader's language (catalog `refused.<reason>`). */
export type RefusalReason =
  | 'already-started' | 'not-started' | 'state-version' | 'other-process' | 'start-other-process'
  | 'no-none-start' | 'not-a-start-event' | 'variables-not-object' | 'variables-not-json';

/**
 * An input that cannot apply to this instance (unknown task, instance already ended). The core
 * speaks no language: `reason` and `params` say what, `message` is English for logs only.
 */
export class InputRefused extends Error {
  constructor(message: string, readonly code: 'not-found' | 'conflict' | 'invalid' = 'conflict', readonly reason?: RefusalReason, readonly params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'InputRefused';
  }
}

/** A broken invariant inside the core: a bug, never the user's fault. */
export class CoreBug extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoreBug';
  }
}
