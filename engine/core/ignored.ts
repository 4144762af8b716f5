/**
 * Why an input was ignored (late, or no longer applying), as data: the core speaks no language, so
 * an `input.ignored` history entry carries a `code` and its `params` beside the English `reason`
 * (logs, older readers); the API words it in the reader's language (catalog `ignored.<code>`,
 * engine/service/core-text.ts).
 */
export type IgnoredCode =
  | 'instance-ended' | 'task-not-open' | 'job-not-active' | 'job-attempt' | 'subscription-closed' | 'name-mismatch'
  | 'call-not-waiting' | 'incident-not-open' | 'element-gone' | 'no-variables' | 'nothing-replanned' | 'modify-refused' | 'migrate-refused'
  // Written by the service (engine/service/task-commands.ts) for a task closed before the core saw the completion.
  | 'task-closed';

export interface Ignored { code: IgnoredCode; params: Record<string, string | number>; /** English, for logs. */ message: string }

export function ignored(code: IgnoredCode, params: Record<string, string | number>, message: string): Ignored {
  return { code, params, message };
}
