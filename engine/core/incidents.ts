/**
 * Incidents: a token that cannot go on (a failing expression, a job out of retries, an error no
 * one catches) stops where it is, visibly, until an operator resolves it. Nothing is skipped.
 */
import type { Runtime } from './runtime.js';
import type { Incident } from './state.js';
import type { IncidentParams, IncidentType } from './effects.js';

export function raiseIncident(rt: Runtime, key: number, type: string, message: string, retry: Incident['retry'], params?: IncidentParams): void {
  const inst = rt.mustInst(key);
  // Subscriptions opened before the failure are closed; a retry opens them again.
  if (retry === 'activate') for (const sub of rt.subsOwnedBy(key)) rt.removeSub(sub, true);
  const incidentKey = rt.newKey();
  inst.inc = { key: incidentKey, type, message, retry, ...(params ? { p: params } : {}) };
  inst.s = 'waiting';
  rt.emit({ type: 'incident.open', key: incidentKey, elementId: inst.e, incidentType: type as IncidentType, message, ...(params ? { params } : {}) });
  // The entry keeps the params too, so the history reads in the reader's language (api/views.ts historyView).
  rt.log({ type: 'incident.raised', elementId: inst.e, key, data: { incident: incidentKey, type, message, ...(params ? { params } : {}) } });
}

/** Finds the element instance holding incident `incidentKey`. */
export function findIncident(rt: Runtime, incidentKey: number): number | undefined {
  for (const k in rt.state.els) if (rt.state.els[k].inc?.key === incidentKey) return Number(k);
  return undefined;
}
