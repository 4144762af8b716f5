/**
 * Security headers on every answer (helmet): a Content-Security-Policy the designer and inbox run
 * under (test/browser/csp.spec.ts opens both in Chromium and fails on any violation), no framing
 * by other sites (clickjacking), nosniff, and no Referer leaving the server (a task URL names a
 * case). What the policy allows and why:
 * - scripts only from this server, no inline scripts or eval: the apps are esbuild bundles;
 * - styles from this server plus inline styles: bpmn-js, diagram-js and form-js set style
 *   attributes and inject <style> elements at run time (positions, markers, the FEEL editor);
 * - images from this server, data: and blob: (diagram icons, exported pictures); fonts from this
 *   server and data: (the bpmn icon font); requests only to this server (the API);
 * - frames only from this server and blob: (the inbox previews a case's PDF from a blob: URL it
 *   fetched with the bearer token; the document answers with its own sandboxing CSP anyway);
 * - no <object>/<embed>, forms post only here, <base> only here.
 * There is no upgrade-insecure-requests: a regency on a closed network may serve Alur over plain
 * HTTP, and upgrading would break every request there. HSTS applies only when a proxy serves
 * HTTPS, and not to other subdomains of the regency's domain.
 */
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * Helmet's headers, worked out once and set on every answer. Every value here is fixed (no nonce,
 * no directive computed per request), so helmet's twelve middlewares, each called in turn for every
 * request and the CSP string built again each time, would set the same headers: helmet runs once
 * at start-up against a recording answer, and each request gets what it set and removed, in order.
 */
export function securityHeaders(): RequestHandler {
  const steps: ({ set: string; value: string | number | readonly string[] } | { remove: string })[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) { steps.push({ set: name, value }); return recorder; },
    removeHeader(name: string) { steps.push({ remove: name }); },
  };
  let done = false;
  helmetMiddleware()({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be worked out once');
  return (_req, res, next) => {
    for (const step of steps) {
      if ('set' in step) res.setHeader(step.set, step.value);
      else res.removeHeader(step.remove);
    }
    next();
  };
}

function helmetMiddleware() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
  });
}
