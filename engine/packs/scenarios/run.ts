/**
 * Runs one scenario against a tenant into which the pack was imported: tries the starts that must
 * be refused, starts the instance (as a user of the starter's role, through the start form),
 * performs the steps (as users holding the tenant's group for each pack role), moves the pinned
 * clock, and checks expectations. A failed step stops the scenario and is reported with the step
 * number and what was found instead; the result is data, never an exception for a failing test.
 */
import { isDeepStrictEqual } from 'node:util';
import { listTasks, type TaskRow } from '../../store/tasks.js';
import { findInstance, listInstances } from '../../store/instances.js';
import { historyOf } from '../../store/history.js';
import { addDuration } from '../../runner/duration.js';
import type { InstanceRow } from '../../store/instances.js';
import { claimDueJobs, type JobRow } from '../../store/jobs.js';
import type { RoleMap } from '../roles.js';
import type { ExpectDocument, ExpectInstance, ExpectSla, RefusedStart, Scenario, ScenarioNeed, Step, TaskRef } from './format.js';
import { daysLeftOf, slaOf } from '../../service/calendars.js';
import { Forbidden, InvalidInput } from '../../service/errors.js';
import type { ScenarioHarness } from './harness.js';
import { executeJob } from '../../runner/execute.js';
import { findInstanceById } from '../../store/instances.js';
import { versionsOf, type DocumentRow } from '../../store/documents.js';
import { listIncidents } from '../../store/incidents.js';
import { attachScenarioLetters, enrolTaskUsers, installScenarioCertificate, scenarioLetter } from './signing.js';
import { allOf, phrase, render, text, type MessageKey, type Params, type Text } from '../../messages/index.js';

/** `skipped`: not run, because a program it needs is missing (why, and what to install); ok stays true. */
export interface ScenarioResult {
  name: string; file: string; ok: boolean; error?: string; skipped?: string; ms: number;
  /** `error` and `skipped` as catalog text, for the CLI's language. */
  errorText?: Text; skippedText?: Text;
}

/** What a scenario's `needs` asks for, and the Debian package that brings it. */
const NEEDS: Record<ScenarioNeed, { has: (h: ScenarioHarness) => boolean; what: MessageKey }> = {
  soffice: { has: (h) => h.soffice !== undefined, what: 'scenario-run.needs-soffice' },
};

/** A scenario's expectation that did not hold, in catalog text; `message` is its English. */
class Failed extends Error {
  constructor(readonly text: Text) {
    super(render(text, 'en'));
  }
}

const fail = (key: MessageKey, params?: Params) => new Failed(text(key, params));

export async function runScenario(h: ScenarioHarness, tenant: string, file: string, s: Scenario, roles: RoleMap): Promise<ScenarioResult> {
  const started = Date.now();
  const missing = (s.needs ?? []).filter((n) => !NEEDS[n].has(h));
  if (missing.length) {
    const skipped = text('scenario-run.needs', { what: allOf(missing.map((n) => text(NEEDS[n].what))) });
    return { name: s.name, file, ok: true, skipped: phrase(skipped, 'en'), skippedText: skipped, ms: 0 };
  }
  const ctx = new Ctx(h, tenant, roles);
  let at: Text = text('scenario-run.at-start');
  try {
    h.clock.pin(new Date(s.clock ?? '2026-03-02T01:00:00Z'));
    for (const [i, refused] of (s.refusedStarts ?? []).entries()) {
      at = text('scenario-run.at-refused-start', { n: i + 1 });
      await ctx.refusedStart(s, refused);
    }
    at = text('scenario-run.at-start');
    ctx.rootId = await ctx.start(s);
    await h.settle();
    for (const [i, step] of s.steps.entries()) {
      at = text('scenario-run.at-step', { n: i + 1, kind: Object.keys(step)[0] });
      await ctx.step(step);
      await h.settle();
    }
    at = text('scenario-run.at-expect');
    if (s.expect) await ctx.expect(s.expect);
    return { name: s.name, file, ok: true, ms: Date.now() - started };
  } catch (err) {
    // A refused start or completion says which fields, as the API's 400 does.
    const fields = err instanceof InvalidInput && err.errors.length ? ` (${err.errors.map((e) => `${e.path ?? ''}: ${e.message}`).join('; ')})` : '';
    const problem = err instanceof Failed ? err.text : text('scenario-run.crashed', { name: (err as Error).name, detail: `${(err as Error).message}${fields}` });
    const error = text('scenario-run.at', { at, problem });
    return { name: s.name, file, ok: false, error: render(error, 'en'), errorText: error, ms: Date.now() - started };
  }
}

class Ctx {
  rootId = '';
  constructor(readonly h: ScenarioHarness, readonly tenant: string, readonly roles: RoleMap) {}

  group(role: string): string {
    const g = this.roles[role];
    if (!g) throw fail('scenario-run.role-unmapped', { role });
    return g;
  }

  async start(s: Scenario): Promise<string> {
    const admin = this.h.admin(this.tenant);
    if (s.start.message) {
      const m = s.start.message;
      const id = await this.h.engine.publishMessage(admin, { name: m.name, correlationKey: m.correlationKey, variables: m.variables });
      if (!id) throw fail('scenario-run.message-no-instance', { message: m.name, process: s.process });
      return id;
    }
    // Through the engine's own start, as the API starts: alur:starters and the start form apply.
    const starter = s.start.role ? this.h.staff(this.tenant, this.group(s.start.role)) : admin;
    // Each document goes in as a filepicker field's value, `{ documentId }` (API.md 1.1 "Documents"), so a
    // start form with that field checks and attaches it exactly as it would an upload from the inbox.
    const letters: Record<string, { documentId: string }> = {};
    for (const [name, { title }] of Object.entries(s.documents ?? {})) letters[name] = { documentId: await scenarioLetter(this.h.db.knex, this.tenant, starter.username, title, this.h.clock.now()) };
    const out = await this.h.engine.startInstance(starter, { processKey: s.process, businessKey: s.start.businessKey, variables: { ...s.start.variables, ...letters } });
    await attachScenarioLetters(this.h.db.knex, this.tenant, Object.values(letters).map((l) => l.documentId), out.instanceId, starter.username, this.h.clock.now());
    return out.instanceId;
  }

  /** Tries a start that must be refused with `r.status` (and, for 400, exactly the fields `r.errors`) and leave no instance. */
  async refusedStart(s: Scenario, r: RefusedStart): Promise<void> {
    const who = r.role ? this.h.staff(this.tenant, this.group(r.role)) : this.h.admin(this.tenant);
    const before = (await this.instanceIds()).length;
    let refusal: unknown;
    try {
      await this.h.engine.startInstance(who, { processKey: s.process, businessKey: r.businessKey, variables: r.variables });
    } catch (err) {
      refusal = err;
    }
    if (!refusal) throw fail('scenario-run.not-refused', { status: r.status });
    const status = refusal instanceof InvalidInput ? 400 : refusal instanceof Forbidden ? 403 : undefined;
    if (status !== r.status) throw fail('scenario-run.other-refusal', { status: r.status, got: status ?? (refusal as Error).message });
    if (r.errors && refusal instanceof InvalidInput) {
      const paths = [...new Set(refusal.errors.map((e) => e.path ?? ''))].sort();
      if (!isDeepStrictEqual(paths, [...r.errors].sort())) throw fail('scenario-run.other-errors', { expected: [...r.errors].sort().join(', '), got: paths.join(', '), messages: refusal.errors.map((e) => e.message).join('; ') });
    }
    const after = (await this.instanceIds()).length;
    if (after !== before) throw fail('scenario-run.left-behind', { count: after - before });
  }

  async step(step: Step): Promise<void> {
    if ('expectTask' in step) return this.expectDue(step.expectTask, await this.tasksFor(step.expectTask, true));
    if ('expectNoTask' in step) {
      const open = (await this.openTasks()).filter((t) => t.element_id === step.expectNoTask.element);
      if (open.length) throw fail('scenario-run.task-open', { element: step.expectNoTask.element, count: open.length });
      return;
    }
    if ('completeTask' in step) {
      const [task] = await this.tasksFor(step.completeTask, false);
      const group = step.completeTask.role ? this.group(step.completeTask.role) : task.candidate_groups[0] ?? 'tanpa-grup';
      await this.h.engine.completeTask(this.h.staff(this.tenant, group), task.id, step.completeTask.variables ?? {});
      return;
    }
    if ('completeJob' in step) {
      const { type, element, variables } = step.completeJob;
      const job = await this.pendingJob(type, element);
      await this.h.engine.finishJob(job, { type: 'job.complete', key: job.key, variables: variables ?? {} });
      return;
    }
    if ('runJob' in step) return this.runJob(step.runJob.type, step.runJob.element);
    if ('expectDocument' in step) return this.expectDocument(step.expectDocument);
    if ('advanceClock' in step) {
      this.h.clock.pin(addDuration(this.h.clock.now(), step.advanceClock));
      return;
    }
    if ('publishMessage' in step) {
      const m = step.publishMessage;
      const id = await this.h.engine.publishMessage(this.h.admin(this.tenant), { name: m.name, correlationKey: m.correlationKey, variables: m.variables });
      if (!id) throw fail('scenario-run.not-correlated', { message: m.name, key: m.correlationKey ?? text('scenario-run.no-key') });
      return;
    }
    if ('expect' in step) return this.expect(step.expect);
  }

  /** The pending job of `type` (at `element`), claimed like a worker would (ready → running), so finishing it marks the row completed. */
  async pendingJob(type: string, element?: string): Promise<JobRow> {
    // The store has no query for one tenant's running jobs, so the scratch tenant's rows are read here.
    await claimDueJobs(this.h.db.knex, [type], this.h.clock.now(), 24 * 3600_000, 500);
    const jobs: JobRow[] = await this.h.db.knex('job').where({ tenant_id: this.tenant, type, state: 'running' }).orderBy('created_at');
    const job = jobs.find((j) => !element || j.element_id === element);
    if (!job) throw fail('scenario-run.no-job', { type, at: element ? text('scenario-run.job-at', { element }) : '', pending: jobs.length ? jobs.map((j) => j.element_id).join(', ') : text('scenario-run.none') });
    return job;
  }

  certificate = false;

  /** Runs Alur's own connector for the pending job (tte-sign with the scenario certificate); a failure fails the scenario. */
  async runJob(type: string, element?: string): Promise<void> {
    const knex = this.h.db.knex;
    if (!this.certificate) {
      await installScenarioCertificate(knex, this.h.signing, this.h.admin(this.tenant));
      this.certificate = true;
    }
    await enrolTaskUsers(knex, this.tenant, await this.instanceIds());
    const job = await this.pendingJob(type, element);
    const input = await executeJob(this.h.jobs, job, await findInstanceById(knex, job.instance_id), { baseMs: 1000, maxMs: 60_000 });
    await this.h.engine.finishJob(job, input);
    if (input.type !== 'job.complete') throw fail('scenario-run.job-failed', { type, element: job.element_id, detail: 'message' in input ? input.message : input.type });
  }

  async expectDocument(e: ExpectDocument): Promise<void> {
    const root = await findInstance(this.h.db.knex, this.tenant, this.rootId);
    const vars = (root?.snapshot.final ?? root?.snapshot.els?.[1]?.v ?? {}) as Record<string, unknown>;
    const value = vars[e.variable];
    const letter = value as { documentId?: string; pdfDocumentId?: string } | null;
    const id = e.pdf ? letter?.pdfDocumentId : typeof value === 'string' ? value : letter?.documentId;
    if (!id) throw fail('scenario-run.no-document', { variable: e.variable, what: text(e.pdf ? 'scenario-run.what-pdf' : 'scenario-run.what-document'), value: JSON.stringify(value) });
    const doc = await this.h.db.knex('document').where({ tenant_id: this.tenant, id }).first() as DocumentRow | undefined;
    if (!doc) throw fail('scenario-run.document-missing', { id, variable: e.variable });
    const nomor = (value as { nomor?: unknown } | null)?.nomor;
    if (e.number !== undefined && nomor !== e.number) throw fail('scenario-run.letter-number', { variable: e.variable, found: JSON.stringify(nomor ?? null), expected: e.number });
    if (e.mediaType !== undefined && doc.media_type !== e.mediaType) throw fail('scenario-run.media-type', { variable: e.variable, found: doc.media_type, expected: e.mediaType });
    const versions = await versionsOf(this.h.db.knex, this.tenant, doc.version_of ?? doc.id);
    if (e.versions !== undefined && versions.length !== e.versions) throw fail('scenario-run.versions', { variable: e.variable, expected: e.versions, found: versions.length });
    if (e.signedByRole) {
      const latest = versions.at(-1)!;
      const want = this.h.staff(this.tenant, this.group(e.signedByRole)).username;
      if (!latest.signature) throw fail('scenario-run.unsigned', { variable: e.variable, version: latest.version });
      if (latest.signature.signedBy !== want) throw fail('scenario-run.signed-by', { variable: e.variable, found: latest.signature.signedBy ?? text('scenario-run.certificate-holder'), role: e.signedByRole! });
    }
  }

  async openTasks(): Promise<TaskRow[]> {
    const user = { username: 'uji-admin', groups: [], seesAll: true };
    return (await listTasks(this.h.db.knex, this.tenant, { filter: 'all', state: 'open', user }, { limit: 500, offset: 0 })).items;
  }

  async tasksFor(ref: TaskRef, checkCount: boolean): Promise<TaskRow[]> {
    const atElement = (await this.openTasks()).filter((t) => t.element_id === ref.element);
    const group = ref.role ? this.group(ref.role) : undefined;
    const matching = group ? atElement.filter((t) => t.candidate_groups.includes(group)) : atElement;
    const describe = () => text('scenario-run.open-tasks', { element: ref.element, groups: atElement.length ? atElement.map((t) => `[${t.candidate_groups.join(',')}]`).join(' ') : text('scenario-run.none') });
    if (checkCount && ref.count !== undefined) {
      if (matching.length !== ref.count) throw fail('scenario-run.task-count', { expected: ref.count, element: ref.element, group: group ? text('scenario-run.for-group', { group }) : '', found: matching.length, open: describe() });
    } else if (matching.length === 0) {
      const others = (await this.openTasks()).map((t) => t.element_id);
      // A task that never opened usually stands behind an incident: name it, so the report says why.
      const incidents = (await listIncidents(this.h.db.knex, this.tenant, { state: 'open' }, { limit: 20, offset: 0 })).items.map((i) => `${i.element_id} ${i.type}: ${i.message}`);
      throw fail('scenario-run.no-task', {
        element: ref.element, group: group ? text('scenario-run.for-group-role', { group, role: ref.role! }) : '', open: describe(),
        others: others.length ? others.join(', ') : text('scenario-run.none'), incidents: incidents.length ? text('scenario-run.task-incidents', { list: incidents.join('; ') }) : '',
      });
    }
    return matching;
  }

  /** expectTask's `dueAt` and `workingDaysLeft`: each matching task's, by the tenant's calendar at the scenario's clock (as the inbox shows it). */
  async expectDue(ref: TaskRef, tasks: TaskRow[]): Promise<void> {
    if (ref.dueAt === undefined && ref.workingDaysLeft === undefined) return;
    const daysLeft = await daysLeftOf(this.h.engine.deps, this.tenant);
    for (const t of tasks) {
      const due = t.due_at ? new Date(t.due_at) : null;
      if (ref.dueAt !== undefined && due?.getTime() !== Date.parse(ref.dueAt)) throw fail('scenario-run.due', { element: ref.element, found: due?.toISOString() ?? text('scenario-run.never'), expected: new Date(ref.dueAt).toISOString() });
      const left = daysLeft(due);
      if (ref.workingDaysLeft !== undefined && left !== ref.workingDaysLeft) throw fail('scenario-run.days-left', { element: ref.element, found: left ?? text('scenario-run.no-due'), expected: ref.workingDaysLeft, due: due?.toISOString() ?? text('scenario-run.never'), now: this.h.clock.now().toISOString() });
    }
  }

  /** The case SLA as the API shows it (service/calendars.ts slaOf) at the scenario's clock. */
  async expectSla(want: ExpectSla, sla: InstanceRow['snapshot']['sla']): Promise<void> {
    const report = (await slaOf(this.h.engine.deps, this.tenant))(sla);
    if (!report) throw fail('scenario-run.no-sla');
    const found = { state: report.state, workingDaysLeft: report.workingDaysLeft, dueAt: report.dueAt, paused: report.paused };
    const wrong = Object.entries(want).filter(([k, v]) => k === 'dueAt' ? Date.parse(v as string) !== Date.parse(report.dueAt) : found[k as keyof typeof found] !== v);
    if (wrong.length) throw fail('scenario-run.sla', { expected: JSON.stringify(want), found: JSON.stringify(found), now: this.h.clock.now().toISOString() });
  }

  /** Every instance of the scratch tenant: the scenario's root and the children it called. */
  async instanceIds(): Promise<string[]> {
    return (await listInstances(this.h.db.knex, this.tenant, {}, { limit: 500, offset: 0 })).items.map((i) => i.id);
  }

  async expect(e: ExpectInstance): Promise<void> {
    const root = await findInstance(this.h.db.knex, this.tenant, this.rootId);
    if (!root) throw fail('scenario-run.no-instance', { id: this.rootId });
    const snap = root.snapshot;
    if (e.businessKey !== undefined && root.business_key !== e.businessKey) throw fail('scenario-run.business-key', { expected: e.businessKey, found: root.business_key ?? text('scenario-run.none') });
    if (e.state && snap.status !== e.state) {
      const active = Object.values(snap.els ?? {}).map((el) => el.e).filter((id) => id !== snap.processId);
      throw fail('scenario-run.state', { expected: e.state, found: snap.status, active: active.length ? active.join(', ') : text('scenario-run.none'), incidents: incidents(snap) });
    }
    const vars = (snap.final ?? snap.els?.[1]?.v ?? {}) as Record<string, unknown>;
    for (const [k, want] of Object.entries(e.variables ?? {})) {
      if (!isDeepStrictEqual(vars[k], want)) throw fail('scenario-run.variable', { name: k, expected: JSON.stringify(want), found: JSON.stringify(vars[k]) });
    }
    if (e.sla) await this.expectSla(e.sla, snap.sla);
    if (e.activeElements) {
      const active = Object.values(snap.els ?? {}).map((el) => el.e);
      const missing = e.activeElements.filter((id) => !active.includes(id));
      if (missing.length) throw fail('scenario-run.not-active', { missing: missing.join(', '), active: active.join(', ') });
    }
    if (e.path || e.notPassed) {
      const completed: string[] = [];
      const entered = new Set<string>();
      // History ids are global, so sorting by id interleaves parent and called children in the order things happened.
      const rows = (await Promise.all((await this.instanceIds()).map((id) => historyOf(this.h.db.knex, id)))).flat().sort((a, b) => a.id - b.id);
      for (const row of rows) {
        if (!row.element_id) continue;
        if (row.type === 'element.activated') entered.add(row.element_id);
        if (row.type === 'element.completed') completed.push(row.element_id);
      }
      let i = 0;
      for (const id of e.path ?? []) {
        const at = completed.indexOf(id, i);
        if (at < 0) throw fail('scenario-run.path', { id, after: e.path![Math.max(0, (e.path ?? []).indexOf(id) - 1)], completed: completed.join(' → ') });
        i = at + 1;
      }
      const passed = (e.notPassed ?? []).filter((id) => entered.has(id));
      if (passed.length) throw fail('scenario-run.entered', { elements: passed.join(', ') });
    }
  }
}

function incidents(snap: InstanceRow['snapshot']): Text | string {
  const list = Object.values(snap.els ?? {}).filter((el) => el.inc).map((el) => `${el.e}: ${el.inc!.message}`);
  return list.length ? text('scenario-run.incidents', { list: list.join('; ') }) : '';
}
