/**
 * The built-in connectors, registered into a JobHandlerRegistry that both the embedded runner
 * and the queue workers use, so a service task runs the same in either mode. Integrators add
 * their own types to the same registry (README, "Queue mode and workers").
 */
import type { JobHandlerRegistry } from '../registry.js';
import type { FeelEvaluator } from '../../expressions/feel.js';
import { httpConnector } from './http.js';
import { emailConnector } from './email.js';

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
}

/** Registers `http` and `email`; returns a function that releases their resources (SMTP pool). */
export function registerConnectors(registry: JobHandlerRegistry, options: ConnectorOptions = {}): () => void {
  const ctx = { feel: options.feel, now: options.now };
  registry.register('http', httpConnector({ ...ctx, allowHosts: options.httpAllow, allowPrivate: options.httpAllowPrivate }));
  const email = emailConnector({ ...ctx, smtpUrl: options.smtpUrl, from: options.smtpFrom });
  registry.register('email', email.handler);
  return email.close;
}
