/** Small pieces the console's pages share: who may use it, how a refusal reads, a state badge. */
import { ApiError, type Session } from '../api.js';
import { h } from '../dom.js';
import { ot } from '../i18n/operate-strings.js';

/** Analysts and admins of a tenant: the roles the API asks for to read every case and act on it. */
export function canOperate(session: Session): boolean {
  return !!session.user.tenant && session.user.roles.some((role) => role === 'analyst' || role === 'admin');
}

/** A refusal as the server worded it (in the page's language), each named element on its own line. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const details = (error.problem.errors ?? []).map((e) => e.message).filter((m) => m && m !== error.message);
    return ot(error.status >= 500 ? 'failed' : 'refused', { detail: [error.message, ...details].join(' · ') });
  }
  return ot('failed', { detail: error instanceof Error ? error.message : String(error) });
}

export function stateBadge(state: string): HTMLElement {
  const known = ['active', 'completed', 'terminated', 'cancelled', 'failed'].includes(state);
  return h('span', { className: `op-state op-state-${state}`, 'data-state': state }, known ? ot(`state_${state}` as never) : state);
}

/**
 * Whether a case's service-standard state goes beside its state: only for cases the service ran to
 * the end or still runs. A cancelled or stopped case delivered nothing, and "Dibatalkan · Selesai
 * tepat waktu" would read as if it had.
 */
export function slaShown(c: { state: string; sla?: unknown }): boolean {
  return Boolean(c.sla) && (c.state === 'active' || c.state === 'completed');
}
