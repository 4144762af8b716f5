/** The signing parts of a process, from its Config (wiring.ts) or, in tests, a key that lives as long as the process. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { SecretBox, secretBoxFrom } from './secret-box.js';
import type { SigningDeps } from './certificates.js';
import { DEFAULT_SIGNING_BUDGET } from './run.js';

export interface SigningSetup extends SigningDeps { maxPdfBytes: number }

export function signingFromConfig(config: Config, now: () => Date): SigningSetup {
  const { secretKey, timeoutMs, memoryMb, maxPdfBytes } = config.signing;
  return { box: secretBoxFrom(secretKey, join(config.dataDir, 'signing-secret.key')), budget: { timeoutMs, memoryMb }, maxPdfBytes, now };
}

/** For an app or engine built without a Config: certificates stored now cannot be opened by another process or after a restart. */
export function ephemeralSigning(now: () => Date): SigningSetup {
  return { box: new SecretBox(randomBytes(32)), budget: DEFAULT_SIGNING_BUDGET, maxPdfBytes: 10 * 1024 * 1024, now };
}
