/** The result of one conformance case, as the lead's `npm run conformance` prints it. */
export interface CaseResult {
  group: string;
  name: string;
  pass: boolean;
  reason?: string;
}

/** Runs `work` but gives up after `ms`, so one hostile file cannot hang the whole run. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms); });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
