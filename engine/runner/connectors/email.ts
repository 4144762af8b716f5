/**
 * The `email` connector: headers to, subject, body (each may be FEEL; optional from, cc) sent as
 * plain text through the SMTP server of ALUR_SMTP_URL with nodemailer. One transport per
 * connector (pooled connections). Failures name the SMTP answer, never the recipient or text.
 */
import type { Transporter } from 'nodemailer';
import type { JobHandler } from '../registry.js';
import { resolveHeaders, requiredText, optionalText, type HeaderContext } from './headers.js';

export interface EmailConnectorOptions extends HeaderContext {
  /** smtp://user:pass@host:port or smtps://…; undefined = every email job fails with a clear message. */
  smtpUrl?: string;
  /** Sender when the task has no `from` header. */
  from?: string;
}

export interface EmailConnector {
  handler: JobHandler;
  close(): void;
}

export function emailConnector(options: EmailConnectorOptions): EmailConnector {
  // nodemailer is loaded with the first email, not on every start of a server that may send none.
  let transport: Promise<Transporter> | undefined;
  const handler: JobHandler = async (job) => {
    if (!options.smtpUrl) throw new Error('email connector: ALUR_SMTP_URL is not set');
    const smtpUrl = options.smtpUrl;
    transport ??= import('nodemailer').then((m) => (m.default ?? m).createTransport(smtpUrl));
    const h = resolveHeaders(job.headers, job.variables, options);
    const to = requiredText(h, 'to', 'email');
    const subject = requiredText(h, 'subject', 'email');
    const text = optionalText(h, 'body') ?? '';
    try {
      await (await transport).sendMail({ from: optionalText(h, 'from') ?? options.from ?? 'alur@localhost', to, cc: optionalText(h, 'cc'), subject, text });
      return {};
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message?: string };
      throw new Error(`email connector: sending failed (${e.responseCode ?? e.code ?? 'error'})`, { cause: err });
    }
  };
  return { handler, close: () => void transport?.then((t) => t.close(), () => undefined) };
}
