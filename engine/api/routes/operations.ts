/** Messages, incidents and the controlled clock. */
import type { Ctx, Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { messageBody, clockBody, bulkRetryBody } from '../schemas.js';
import { requireRole, type Actor } from '../../service/actor.js';
import { NotFound, InvalidInput } from '../../service/errors.js';
import { checkId, idParam, PAGING } from '../validation.js';

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
import { incidentView } from '../views.js';
import { durationMs } from '../../runner/duration.js';
import type { Variables } from '../../core/index.js';
import { entry, text } from '../../messages/index.js';

export function operationRoutes(r: Routes, deps: RouteDeps): void {
  const { clock } = deps;

  r.add<{ name: string; correlationKey?: string; variables?: Variables }>({ method: 'post', path: '/api/messages', tag: 'operations', summary: 'Correlate a message (analyst or admin); 404 when nobody waits', body: messageBody },
    async ({ actor, body }) => {
      const processInstanceId = await deps.engine.publishMessage(actor, body);
      if (!processInstanceId) throw new NotFound(body.correlationKey !== undefined ? text('operations.nobody-waits-key', { name: body.name, key: body.correlationKey }) : text('operations.nobody-waits', { name: body.name }));
      return { processInstanceId };
    });

  r.add({ method: 'get', path: '/api/incidents', tag: 'operations', summary: 'Incidents (analyst or admin)', query: [
    { name: 'processInstanceId', schema: { type: 'string' } }, { name: 'state', schema: { enum: ['open', 'resolved'], default: 'open' } },
    { name: 'processKey', schema: { type: 'string' } }, { name: 'processDefinitionId', schema: { type: 'string' }, description: 'A definition id (UUID); a malformed one matches nothing.' },
    { name: 'elementId', schema: { type: 'string' } }, { name: 'type', schema: { type: 'string' } },
    ...PAGING,
  ] }, async ({ actor, query: q }: Ctx<unknown, { state: 'open' | 'resolved'; processDefinitionId?: string; processKey?: string; elementId?: string; type?: string; limit: number; offset: number }>) => {
    const processInstanceId = idParam(q, 'processInstanceId');
    const { state, processDefinitionId } = q;
    const page = { limit: q.limit, offset: q.offset };
    if (processInstanceId === null || (processDefinitionId !== undefined && !UUID_SHAPE.test(processDefinitionId))) return { items: [], total: 0 };
    const result = await deps.reads.incidents(actor, {
      processInstanceId, state, processDefinitionId, processKey: q.processKey, elementId: q.elementId, type: q.type,
    }, page);
    return { items: result.items.map((x) => incidentView(x)), total: result.total };
  });

  r.add({ method: 'post', path: '/api/incidents/:id/retry', tag: 'operations', summary: 'Retry what the incident stopped (analyst or admin)' },
    async ({ req, actor }) => {
      await deps.engine.retryIncident(actor, checkId(req.params.id, 'incident'));
      return { retried: true };
    });

  r.add({ method: 'post', path: '/api/incidents/:id/resolve', tag: 'operations', summary: 'Close the incident without re-running anything (analyst or admin); the case stays where it is until modified or cancelled' },
    async ({ req, actor }) => {
      await deps.engine.resolveIncident(actor, checkId(req.params.id, 'incident'));
      return { resolved: true };
    });

  r.add<{ processKey?: string; processDefinitionId?: string; elementId?: string; type?: string; processInstanceId?: string; limit?: number }>({
    method: 'post', path: '/api/incidents/retry', tag: 'operations', body: bulkRetryBody,
    summary: 'Retry the open incidents a filter selects, oldest first, at most `limit` (analyst or admin) → { retried: [ids], failed: [{ id, message }], remaining }',
  }, async ({ actor, body }) => {
    const { limit, ...filter } = body;
    return deps.engine.retryIncidents(actor, filter, limit ?? 100);
  });

  const clockAllowed = (actor: Actor) => {
    if (!deps.clockControlled) throw new NotFound(text('clock.not-controllable'));
    requireRole(actor, text('action.move-clock'), 'platform-admin');
  };
  const clockView = () => ({ now: clock.now().toISOString(), ...clock.current });
  const settle = async () => {
    deps.runner?.wake();
    await deps.runner?.drain?.();
  };

  r.add({ method: 'get', path: '/api/clock', tag: 'operations', summary: 'The engine clock' }, () => clockView());

  r.add<{ offset?: string; pin?: string }>({ method: 'post', path: '/api/clock', tag: 'operations', summary: 'Move the clock (platform-admin, ALUR_CLOCK_CONTROLLED=true); due timers fire', body: clockBody },
    async ({ actor, body }) => {
      clockAllowed(actor);
      if (body.offset !== undefined) {
        let ms: number;
        try {
          ms = durationMs(body.offset, new Date());
        } catch {
          const why = text('clock.bad-offset', { offset: JSON.stringify(body.offset) });
          throw new InvalidInput(why, [entry({ path: 'offset' }, why)]);
        }
        clock.setOffset(ms);
      } else clock.pin(new Date(body.pin!));
      await settle();
      return clockView();
    });

  r.add({ method: 'delete', path: '/api/clock', tag: 'operations', summary: 'Back to real time (platform-admin, ALUR_CLOCK_CONTROLLED=true)', responses: { 204: 'reset' } },
    async ({ actor }) => {
      clockAllowed(actor);
      clock.reset();
      await settle();
    });
}
