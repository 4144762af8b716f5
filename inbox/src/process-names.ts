/**
 * Process names for display: tasks carry only `processKey`, which reads like code
 * ("two-step-approval"); the definitions list gives the name the analyst chose. Fetched once per
 * sign-in and cached; when the list is refused or fails, keys are shown as they are.
 */
import { get, query, type Page } from './api.js';
import type { ProcessDefinition } from './types.js';

let cache: Promise<Map<string, string>> | null = null;

export function processNames(): Promise<Map<string, string>> {
  cache ??= get<Page<ProcessDefinition>>(`process-definitions${query({ latest: 'true', limit: 500 })}`)
    .then((page) => new Map(page.items.filter((d) => d.name).map((d) => [d.key, d.name as string])))
    .catch(() => {
      cache = null; // Try again next time; a failure is not worth remembering.
      return new Map<string, string>();
    });
  return cache;
}

/** Forgets the names (on sign-out, or another user signing in on the same tab). */
export function forgetProcessNames(): void {
  cache = null;
}
