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

/** `skipped`: not run, because a program it needs is missing (why, and what to install); ok stays true. */
export interface ScenarioResult { name: string; file: string; ok: boolean; error?: string; skipped?: string; ms: number }

/** What a scenario's `needs` asks for, and the Debian package that brings it. */
const NEEDS: Record<ScenarioNeed, { has: (h: ScenarioHarness) => boolean; what: string }> = {
  soffice: { has: (h) => h.soffice !== undefined, what: 'LibreOffice (soffice; Debian libreoffice-writer-nogui) for the letter\'s PDF' },
};

class Failed extends Error {}

export async function runScenario(h: ScenarioHarness, tenant: string, file: string, s: Scenario, roles: RoleMap): Promise<ScenarioResult> {
  const started = Date.now();
  const missing = (s.needs ?? []).filter((n) => !NEEDS[n].has(h));
  if (missing.length) return { name: s.name, file, ok: true, skipped: `needs ${missing.map((n) => NEEDS[n].what).join(', ')}`, ms: 0 };
  const ctx = new Ctx(h, tenant, roles);
  let at = 'start';
  try {
    h.clock.pin(new Date(s.clock ?? '2026-03-02T01:00:00Z'));
    for (const [i, refused] of (s.refusedStarts ?? []).entries()) {
      at = `refused start ${i + 1}`;
      await ctx.refusedStart(s, refused);
    }
    at = 'start';
    ctx.rootId = await ctx.start(s);
    await h.settle();
    for (const [i, step] of s.steps.entries()) {
      at = `step ${i + 1} (${Object.keys(step)[0]})`;
      await ctx.step(step);
      await h.settle();
    }
    at = 'expect';
    if (s.expect) await ctx.expect(s.expect);
    return { name: s.name, file, ok: true, ms: Date.now() - started };
  } catch (err) {
    // A refused start or completion says which fields, as the API's 400 does.
    const fields = err instanceof InvalidInput && err.errors.length ? ` (${err.errors.map((e) => `${e.path ?? ''}: ${e.message}`).join('; ')})` : '';
    const message = err instanceof Failed ? err.message : `${(err as Error).name}: ${(err as Error).message}${fields}`;
    return { name: s.name, file, ok: false, error: `${at}: ${message}`, ms: Date.now() - started };
  }
}

class Ctx {
  rootId = '';
  constructor(readonly h: ScenarioHarness, readonly tenant: string, readonly roles: RoleMap) {}

  group(role: string): string {
    const g = this.roles[role];
    if (!g) throw new Failed(`role "${role}" is not mapped`);
    return g;
  }

  async start(s: Scenario): Promise<string> {
    const admin = this.h.admin(this.tenant);
    if (s.start.message) {
      const m = s.start.message;
      const id = await this.h.engine.publishMessage(admin, { name: m.name, correlationKey: m.correlationKey, variables: m.variables });
      if (!id) throw new Failed(`message "${m.name}" started no instance of ${s.process}`);
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
    if (!refusal) throw new Failed(`expected the start to be refused with ${r.status}, but it started`);
    const status = refusal instanceof InvalidInput ? 400 : refusal instanceof Forbidden ? 403 : undefined;
    if (status !== r.status) throw new Failed(`expected a ${r.status} refusal, got ${status ?? (refusal as Error).message}`);
    if (r.errors && refusal instanceof InvalidInput) {
      const paths = [...new Set(refusal.errors.map((e) => e.path ?? ''))].sort();
      if (!isDeepStrictEqual(paths, [...r.errors].sort())) throw new Failed(`expected errors on ${[...r.errors].sort().join(', ')}, got ${paths.join(', ')} (${refusal.errors.map((e) => e.message).join('; ')})`);
    }
    const after = (await this.instanceIds()).length;
    if (after !== before) throw new Failed(`the refused start left ${after - before} instance(s) behind`);
  }

  async step(step: Step): Promise<void> {
    if ('expectTask' in step) return this.expectDue(step.expectTask, await this.tasksFor(step.expectTask, true));
    if ('expectNoTask' in step) {
      const open = (await this.openTasks()).filter((t) => t.element_id === step.expectNoTask.element);
      if (open.length) throw new Failed(`expected no open task at ${step.expectNoTask.element}, found ${open.length}`);
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
      if (!id) throw new Failed(`message "${m.name}" (${m.correlationKey ?? 'no key'}) was not correlated`);
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
    if (!job) throw new Failed(`no pending job of type "${type}"${element ? ` at ${element}` : ''} (pending: ${jobs.map((j) => j.element_id).join(', ') || 'none'})`);
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
    if (input.type !== 'job.complete') throw new Failed(`job ${type} at ${job.element_id} failed: ${'message' in input ? input.message : input.type}`);
  }

  async expectDocument(e: ExpectDocument): Promise<void> {
    const root = await findInstance(this.h.db.knex, this.tenant, this.rootId);
    const vars = (root?.snapshot.final ?? root?.snapshot.els?.[1]?.v ?? {}) as Record<string, unknown>;
    const value = vars[e.variable];
    const letter = value as { documentId?: string; pdfDocumentId?: string } | null;
    const id = e.pdf ? letter?.pdfDocumentId : typeof value === 'string' ? value : letter?.documentId;
    if (!id) throw new Failed(`variable ${e.variable} names no ${e.pdf ? 'PDF of a letter' : 'document'} (${JSON.stringify(value)})`);
    const doc = await this.h.db.knex('document').where({ tenant_id: this.tenant, id }).first() as DocumentRow | undefined;
    if (!doc) throw new Failed(`document ${id} (variable ${e.variable}) was not found`);
    const nomor = (value as { nomor?: unknown } | null)?.nomor;
    if (e.number !== undefined && nomor !== e.number) throw new Failed(`letter ${e.variable}: number ${JSON.stringify(nomor ?? null)}, expected ${e.number}`);
    if (e.mediaType !== undefined && doc.media_type !== e.mediaType) throw new Failed(`document ${e.variable}: ${doc.media_type}, expected ${e.mediaType}`);
    const versions = await versionsOf(this.h.db.knex, this.tenant, doc.version_of ?? doc.id);
    if (e.versions !== undefined && versions.length !== e.versions) throw new Failed(`document ${e.variable}: expected ${e.versions} version(s), found ${versions.length}`);
    if (e.signedByRole) {
      const latest = versions.at(-1)!;
      const want = this.h.staff(this.tenant, this.group(e.signedByRole)).username;
      if (!latest.signature) throw new Failed(`document ${e.variable}: its latest version (${latest.version}) is not signed`);
      if (latest.signature.signedBy !== want) throw new Failed(`document ${e.variable}: signed by ${latest.signature.signedBy ?? 'the certificate holder'}, expected a user of role ${e.signedByRole}`);
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
    const describe = () => `open tasks at ${ref.element}: ${atElement.map((t) => `[${t.candidate_groups.join(',')}]`).join(' ') || 'none'}`;
    if (checkCount && ref.count !== undefined) {
      if (matching.length !== ref.count) throw new Failed(`expected ${ref.count} open task(s) at ${ref.element}${group ? ` for group ${group}` : ''}, found ${matching.length} (${describe()})`);
    } else if (matching.length === 0) {
      const others = (await this.openTasks()).map((t) => t.element_id);
      // A task that never opened usually stands behind an incident: name it, so the report says why.
      const incidents = (await listIncidents(this.h.db.knex, this.tenant, { state: 'open' }, { limit: 20, offset: 0 })).items.map((i) => `${i.element_id} ${i.type}: ${i.message}`);
      throw new Failed(`expected an open task at ${ref.element}${group ? ` for group ${group} (role ${ref.role})` : ''}; ${describe()} — open elsewhere: ${others.join(', ') || 'none'}${incidents.length ? ` — incidents: ${incidents.join('; ')}` : ''}`);
    }
    return matching;
  }

  /** expectTask's `dueAt` and `workingDaysLeft`: each matching task's, by the tenant's calendar at the scenario's clock (as the inbox shows it). */
  async expectDue(ref: TaskRef, tasks: TaskRow[]): Promise<void> {
    if (ref.dueAt === undefined && ref.workingDaysLeft === undefined) return;
    const daysLeft = await daysLeftOf(this.h.engine.deps, this.tenant);
    for (const t of tasks) {
      const due = t.due_at ? new Date(t.due_at) : null;
      if (ref.dueAt !== undefined && due?.getTime() !== Date.parse(ref.dueAt)) throw new Failed(`task at ${ref.element}: due ${due?.toISOString() ?? 'never'}, expected ${new Date(ref.dueAt).toISOString()}`);
      const left = daysLeft(due);
      if (ref.workingDaysLeft !== undefined && left !== ref.workingDaysLeft) throw new Failed(`task at ${ref.element}: ${left ?? 'no due date, no'} working days left, expected ${ref.workingDaysLeft} (due ${due?.toISOString() ?? 'never'}, now ${this.h.clock.now().toISOString()})`);
    }
  }

  /** The case SLA as the API shows it (service/calendars.ts slaOf) at the scenario's clock. */
  async expectSla(want: ExpectSla, sla: InstanceRow['snapshot']['sla']): Promise<void> {
    const report = (await slaOf(this.h.engine.deps, this.tenant))(sla);
    if (!report) throw new Failed('expected a case SLA, but the process has no alur:sla');
    const found = { state: report.state, workingDaysLeft: report.workingDaysLeft, dueAt: report.dueAt, paused: report.paused };
    const wrong = Object.entries(want).filter(([k, v]) => k === 'dueAt' ? Date.parse(v as string) !== Date.parse(report.dueAt) : found[k as keyof typeof found] !== v);
    if (wrong.length) throw new Failed(`case SLA: expected ${JSON.stringify(want)}, found ${JSON.stringify(found)} (now ${this.h.clock.now().toISOString()})`);
  }

  /** Every instance of the scratch tenant: the scenario's root and the children it called. */
  async instanceIds(): Promise<string[]> {
    return (await listInstances(this.h.db.knex, this.tenant, {}, { limit: 500, offset: 0 })).items.map((i) => i.id);
  }

  async expect(e: ExpectInstance): Promise<void> {
    const root = await findInstance(this.h.db.knex, this.tenant, this.rootId);
    if (!root) throw new Failed(`instance ${this.rootId} not found`);
    const snap = root.snapshot;
    if (e.businessKey !== undefined && root.business_key !== e.businessKey) throw new Failed(`expected business key ${e.businessKey}, found ${root.business_key ?? 'none'}`);
    if (e.state && snap.status !== e.state) {
      const active = Object.values(snap.els ?? {}).map((el) => el.e).filter((id) => id !== snap.processId);
      throw new Failed(`expected state ${e.state}, found ${snap.status} (active: ${active.join(', ') || 'none'}${incidents(snap)})`);
    }
    const vars = (snap.final ?? snap.els?.[1]?.v ?? {}) as Record<string, unknown>;
    for (const [k, want] of Object.entries(e.variables ?? {})) {
      if (!isDeepStrictEqual(vars[k], want)) throw new Failed(`variable ${k}: expected ${JSON.stringify(want)}, found ${JSON.stringify(vars[k])}`);
    }
    if (e.sla) await this.expectSla(e.sla, snap.sla);
    if (e.activeElements) {
      const active = Object.values(snap.els ?? {}).map((el) => el.e);
      const missing = e.activeElements.filter((id) => !active.includes(id));
      if (missing.length) throw new Failed(`expected active ${missing.join(', ')}; active: ${active.join(', ')}`);
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
        if (at < 0) throw new Failed(`path: ${id} was not completed after ${e.path![Math.max(0, (e.path ?? []).indexOf(id) - 1)]}; completed: ${completed.join(' → ')}`);
        i = at + 1;
      }
      const passed = (e.notPassed ?? []).filter((id) => entered.has(id));
      if (passed.length) throw new Failed(`expected never to enter ${passed.join(', ')}`);
    }
  }
}

function incidents(snap: InstanceRow['snapshot']): string {
  const list = Object.values(snap.els ?? {}).filter((el) => el.inc).map((el) => `${el.e}: ${el.inc!.message}`);
  return list.length ? `; incidents: ${list.join('; ')}` : '';
}
