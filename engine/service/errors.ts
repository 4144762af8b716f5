/**
 * Errors the service raises, named by whose fault they are. engine/api/problems.ts maps each to
 * an HTTP status in one place; nothing else decides statuses.
 */
export interface ErrorItem { path?: string; element?: string; message: string }

/** The caller's input is invalid (400); `errors` lists every problem. */
export class InvalidInput extends Error {
  constructor(message: string, readonly errors: ErrorItem[] = []) {
    super(message);
    this.name = 'InvalidInput';
  }
}

/** No such object in the caller's tenant (404) — also for other tenants' ids. */
export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

/** The object exists but the caller may not do this (403). */
export class Forbidden extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Forbidden';
  }
}

/** The object's state does not allow it (409): a task no longer open, an instance already ended. */
export class Conflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Conflict';
  }
}

/** Login failed (401). */
export class Unauthenticated extends Error {
  constructor(message = 'authentication required') {
    super(message);
    this.name = 'Unauthenticated';
  }
}

/** Too many attempts (429). */
export class TooManyRequests extends Error {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
    this.name = 'TooManyRequests';
  }
}
