/**
 * The built-in connectors, registered into a JobHandlerRegistry that both the embedded runner
 * and the queue workers use, so a service task runs the same in either mode. Integrators add
 * their own types to the same registry (README, "Queue mode and workers").
 */
import type { JobHandlerRegistry } from '../registry.js';
import type { FeelEvaluator } from '../../expressions/feel.js';
import { httpConnector } from './http.js';
import { emailConnector } from './email.js';
import type { Knex } from 'knex';
import { tteSignConnector } from '../../signing/tte-sign.js';
import type { SigningSetup } from '../../signing/config.js';

export const BUILT_IN_TYPES = ['http', 'email'] as const;

export interface ConnectorOptions {
  feel?: FeelEvaluator;
  now?: () => Date;
  /** ALUR_HTTP_ALLOW, split on commas; undefined = every public host. */
  httpAllow?: string[];
  /** ALUR_HTTP_ALLOW_PRIVATE: intranet targets the operator opens (private-targets.ts). */
  httpAllowPrivate?: string[];
  /** ALUR_SMTP_URL. */
  smtpUrl?: string;
  /** ALUR_SMTP_FROM. */
  smtpFrom?: string;
  /** The database and the signing setup: with them, `tte-sign` is registered too (README "Signing documents (TTE)"). */
  signing?: { knex: Knex; setup: SigningSetup };
}

/** Registers `http`, `email` and (given `signing`) `tte-sign`; returns a function that releases their resources (SMTP pool). */
export function registerConnectors(registry: JobHandlerRegistry, options: ConnectorOptions = {}): () => void {
  const ctx = { feel: options.feel, now: options.now };
  registry.register('http', httpConnector({ ...ctx, allowHosts: options.httpAllow, allowPrivate: options.httpAllowPrivate }));
  const email = emailConnector({ ...ctx, smtpUrl: options.smtpUrl, from: options.smtpFrom });
  registry.register('email', email.handler);
  if (options.signing) registry.register('tte-sign', tteSignConnector({ ...ctx, knex: options.signing.knex, signing: options.signing.setup }));
  return email.close;
}
