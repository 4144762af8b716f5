/** Faults of the core, named by whose fault they are (see STYLE.md). */

/** An input that cannot apply to this instance (unknown task, instance already ended). */
export class InputRefused extends Error {
  constructor(message: string, readonly code: 'not-found' | 'conflict' | 'invalid' = 'conflict') {
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
