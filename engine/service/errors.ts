/**
 * Errors the service raises, named by whose fault they are. engine/api/problems.ts maps each to
 * an HTTP status in one place; nothing else decides statuses.
 *
 * A message is catalog text (engine/messages) or, until it is moved there, a plain string. Text
 * is kept in `text` and written in the reader's language by problems.ts; `message` is English.
 */
import { render, text, type Text } from '../messages/index.js';

/**
 * One thing wrong; `text` (when set) is `message` as catalog data, rendered per request; `key`: its
 * catalog key, for a client matching findings (a deployment's rule findings); `detail`: what the
 * finding says without naming its element (a Text until the API writes it in the reader's language).
 */
export interface ErrorItem { path?: string; element?: string; message: string; text?: Text; key?: string; detail?: string | Text }

/** The base of the errors below: English `message`, and the catalog text when there is one. */
export class ServiceError extends Error {
  readonly text?: Text;
  constructor(message: string | Text) {
    super(render(message, 'en'));
    if (typeof message !== 'string') this.text = message;
  }
}

/** The caller's input is invalid (400); `errors` lists every problem. */
export class InvalidInput extends ServiceError {
  constructor(message: string | Text, readonly errors: ErrorItem[] = []) {
    super(message);
    this.name = 'InvalidInput';
  }
}

/** No such object in the caller's tenant (404) — also for other tenants' ids. */
export class NotFound extends ServiceError {
  constructor(message: string | Text) {
    super(message);
    this.name = 'NotFound';
  }
}

/** The object exists but the caller may not do this (403). */
export class Forbidden extends ServiceError {
  constructor(message: string | Text) {
    super(message);
    this.name = 'Forbidden';
  }
}

/** The object's state does not allow it (409): a task no longer open, an instance already ended. */
export class Conflict extends ServiceError {
  constructor(message: string | Text) {
    super(message);
    this.name = 'Conflict';
  }
}

/**
 * The input set off more steps of other cases than ALUR_MAX_FOLLOW_UPS (409, nothing changed: the
 * unit of work is undone). The runner turns it into an incident where its input arrived.
 */
export class FollowUpsExceeded extends Conflict {
  constructor(readonly max: number) {
    super(text('budget.follow-ups', { max }));
    this.name = 'FollowUpsExceeded';
  }
}

/** Login failed (401). */
export class Unauthenticated extends ServiceError {
  constructor(message: string | Text = text('access.sign-in-required')) {
    super(message);
    this.name = 'Unauthenticated';
  }
}

/** Too many attempts (429). */
export class TooManyRequests extends ServiceError {
  constructor(message: string | Text, readonly retryAfterSeconds: number) {
    super(message);
    this.name = 'TooManyRequests';
  }
}

/** The upload is larger than allowed (413). */
export class TooLarge extends ServiceError {
  constructor(message: string | Text) {
    super(message);
    this.name = 'TooLarge';
  }
}

/** The upload's content is of a kind not accepted, or contradicts its name (415). */
export class UnsupportedMediaType extends ServiceError {
  constructor(message: string | Text) {
    super(message);
    this.name = 'UnsupportedMediaType';
  }
}

/** Something the request depends on is down (503), e.g. the malware scanner. */
export class Unavailable extends ServiceError {
  constructor(message: string | Text) {
    super(message);
    this.name = 'Unavailable';
  }
}
