/**
 * What the API reads, in one module: every read takes the caller and answers only what they may
 * see (service/visibility.ts decides; roles through service/actor.ts). Routes shape the answer
 * (api/views.ts) and never reach the database themselves; commands are the Engine's.
 */
import type { Response } from 'express';
import type { EngineDeps } from './context.js';
import type { Page, PageQuery } from '../store/db.js';
import { listTasks, findTask, type TaskQuery, type TaskRow } from '../store/tasks.js';
import { colleaguesOf, displayNames, findUserByUsername, namesOfTasks, type UserRow, type UserWithGroups } from '../store/users.js';
import { findInstanceById, listInstances, elementStatistics, caseCountsByDefinition, type InstanceFilter, type InstanceRow } from '../store/instances.js';
import { findDefinition, formOfTask, latestForm, listDefinitions, type DefinitionRow, type FormRow } from '../store/definitions.js';
import { listIncidents, openIncidentsOf, type IncidentFilter, type IncidentRow } from '../store/incidents.js';
import { historyOf } from '../store/history.js';
import { documentsOfInstance, versionsOf, type DocumentRow } from '../store/documents.js';
import { getCertificate, listCertificates } from '../signing/certificates.js';
import { listRegisters } from '../letters/registers.js';
import { listAudit, type AuditQuery } from '../store/audit.js';
import { visibleVariables, type SlaState, type Variables } from '../core/index.js';
import { hasRole, requireRole, seesAll, tenantOf, type Actor } from './actor.js';
import { Forbidden, NotFound, Unauthenticated } from './errors.js';
import { caseViewer, readableDocument, readableInstance, visibleTask } from './visibility.js';
import { daysLeftOf, readCalendar, slaOf, slaSearch, type CalendarView } from './calendars.js';
import { caseData, type CaseData } from './case-data.js';
import { startableProcesses, type StartableProcess } from './startable.js';
import { mayStart, notAStarter, processName } from './starting.js';
import { sendDocument } from '../documents/send.js';
import { actorOfRequest, tenants, userView, type UserView } from './identity.js';
import type { TokenCache } from '../auth/token-cache.js';
import { databaseAnswers } from '../store/db.js';
import { listPeople, personOf, type PersonView } from './people.js';
import { groupsOf } from './groups.js';
import type { GroupView } from '../store/groups.js';
import { findTenant, localPasswordsAllowed, type TenantRow } from '../store/tenants.js';
import type { UserQuery } from '../store/users.js';
import { text } from '../messages/index.js';

/** Working days left until a due date, in the tenant's calendar (null: no due date). */
export type DaysLeft = (due: Date | null) => number | null;

/** Form ids are free text in form-js (the `id` a task's formId names); past this length none can exist. */
const FORM_ID_MAX = 255;

export class Reads {
  constructor(private readonly deps: EngineDeps) {}

  private get db() {
    return this.deps.knex;
  }

  /** Working days left in the tenant's calendar (service/calendars.ts). */
  daysLeft(tenant: string): Promise<DaysLeft> {
    return daysLeftOf(this.deps, tenant);
  }

  /** Display names of the people a list of tasks names (assignees, completers). */
  namesOf(tasks: TaskRow[]): Promise<Map<string, string>> {
    return namesOfTasks(this.db, tasks);
  }

  // ——— Tasks ———

  /** The inbox: tasks of the caller's tenant they hold, held or may claim (all of them for analysts and admins). */
  tasks(actor: Actor, query: Omit<TaskQuery, 'user'>, page: PageQuery): Promise<Page<TaskRow>> {
    const user = { username: actor.username, groups: actor.groups, seesAll: seesAll(actor) };
    return listTasks(this.db, tenantOf(actor), { ...query, user }, page);
  }

  /** One task the caller may see (404 / 403). */
  async task(actor: Actor, id: string): Promise<TaskRow> {
    return visibleTask(actor, id, await findTask(this.db, tenantOf(actor), id));
  }

  /** A task with the variables its form sees (open) or the case's final ones, and its form. */
  async taskWithForm(actor: Actor, id: string): Promise<{ task: TaskRow; variables: Variables; form: FormRow | undefined }> {
    const task = await this.task(actor, id);
    const inst = await findInstanceById(this.db, task.instance_id);
    const form = await formOfTask(this.db, task);
    const variables = inst ? (task.state === 'open' && inst.snapshot.els[task.key] ? visibleVariables(inst.snapshot, task.key) : { ...(inst.snapshot.final ?? inst.snapshot.els[1]?.v ?? {}) }) : {};
    return { task, variables, form };
  }

  /** Who could take the task over (Plt/Plh): active users of its candidate groups and its candidate users. */
  async colleagues(actor: Actor, id: string): Promise<{ task: TaskRow; users: UserWithGroups[] }> {
    const task = await this.task(actor, id);
    return { task, users: await colleaguesOf(this.db, task.tenant_id, task.candidate_groups, task.candidate_users) };
  }

  // ——— Cases ———

  /** Cases of the caller's tenant, narrowed to those they take part in unless they see all; `slaState`: by their service standard now. */
  async instances(actor: Actor, filter: Omit<InstanceFilter, 'visibleTo' | 'sla'>, slaState: SlaState | undefined, page: PageQuery): Promise<Page<Omit<InstanceRow, 'snapshot'>> & { tenant: string }> {
    const tenant = tenantOf(actor);
    const sla = slaState ? await slaSearch(this.deps, tenant, slaState) : undefined;
    return { ...(await listInstances(this.db, tenant, { ...filter, visibleTo: caseViewer(actor), sla }, page)), tenant };
  }

  /** How a case's service standard stands now, in the tenant's calendar (service/calendars.ts). */
  sla(tenant: string) {
    return slaOf(this.deps, tenant);
  }

  /** One case the caller may read (404 / 403). */
  instance(actor: Actor, id: string): Promise<InstanceRow> {
    return readableInstance(this.db, actor, id);
  }

  /** One case with its open incidents. */
  async instanceWithIncidents(actor: Actor, id: string): Promise<{ row: InstanceRow; incidents: IncidentRow[] }> {
    const row = await this.instance(actor, id);
    return { row, incidents: await openIncidentsOf(this.db, row.id) };
  }

  /** A case's history in order, with the display names of the people it names. */
  async history(actor: Actor, id: string) {
    const row = await this.instance(actor, id);
    const rows = await historyOf(this.db, row.id);
    // Who acted, and whom a task was handed to ("dialihkan kepada Rina"): both read by their names.
    const people = rows.flatMap((h) => [h.username, typeof h.data?.assignee === 'string' ? h.data.assignee : null]);
    const names = await displayNames(this.db, row.tenant_id, people.filter((p): p is string => Boolean(p)));
    return { rows, names };
  }

  /** Data permohonan: the start form with the case's values and what earlier tasks added. */
  async caseData(actor: Actor, id: string): Promise<CaseData> {
    const row = await this.instance(actor, id);
    const data = await caseData(this.db, row.tenant_id, row.id);
    const names = await displayNames(this.db, row.tenant_id, data.steps.flatMap((step) => (step.completedBy ? [step.completedBy] : [])));
    return { ...data, steps: data.steps.map((step) => ({ ...step, completedByName: step.completedBy ? names.get(step.completedBy) ?? step.completedBy : null })) };
  }

  /** The documents attached to a case the caller may read, with the names of who uploaded and attached them. */
  async caseDocuments(actor: Actor, id: string): Promise<{ rows: DocumentRow[]; names: Map<string, string> }> {
    const row = await this.instance(actor, id);
    const rows = await documentsOfInstance(this.db, row.tenant_id, row.id);
    // Who added each, as the inbox names people (display names, the username when there is none).
    const names = await displayNames(this.db, row.tenant_id, rows.flatMap((d) => [d.uploaded_by, d.attached_by ?? '']));
    return { rows, names };
  }

  // ——— Documents ———

  /** One document the caller may read (its uploader's until attached, then its case's readers). */
  document(actor: Actor, id: string) {
    return readableDocument(this.db, actor, id);
  }

  /** Every version of a readable document (the upload, then e.g. its signed copy), with the names of who added them. */
  async documentVersions(actor: Actor, id: string): Promise<{ rows: DocumentRow[]; names: Map<string, string> }> {
    const doc = await this.document(actor, id);
    const rows = await versionsOf(this.db, doc.tenant_id, doc.version_of ?? doc.id);
    const names = await displayNames(this.db, doc.tenant_id, rows.flatMap((d) => [d.uploaded_by, d.attached_by ?? '']));
    return { rows, names };
  }

  /** The tenant's signing certificates' descriptions (admin; signing/certificates.ts checks). */
  certificates(actor: Actor) {
    return listCertificates(this.db, actor);
  }

  certificate(actor: Actor, name: string) {
    return getCertificate(this.db, actor, name);
  }

  /** The tenant's letter registers with their counters per year (admins and analysts; letters/registers.ts checks). */
  letterRegisters(actor: Actor) {
    return listRegisters(this.db, actor);
  }

  /** Streams a readable document's bytes as the answer. */
  async sendDocument(res: Response, actor: Actor, id: string, disposition: 'attachment' | 'inline'): Promise<void> {
    await sendDocument(res, this.db, await this.document(actor, id), disposition);
  }

  // ——— Definitions and forms ———

  definitions(actor: Actor, filter: { key?: string; latest?: boolean }, page: PageQuery) {
    return listDefinitions(this.db, tenantOf(actor), filter, page);
  }

  /** A definition of the caller's tenant (404 otherwise). */
  async definition(actor: Actor, id: string): Promise<DefinitionRow> {
    const def = await findDefinition(this.db, tenantOf(actor), id);
    if (!def) throw new NotFound(text('definition.not-found', { id }));
    return def;
  }

  /** Running cases and open incidents per definition (analyst or admin): the console's counts. */
  caseCounts(actor: Actor, definitionIds: string[]) {
    const tenant = tenantOf(actor);
    requireRole(actor, text('action.read-statistics'), 'analyst', 'admin');
    return caseCountsByDefinition(this.db, tenant, definitionIds);
  }

  /** Per element of a version: active, incidents, completed (analyst or admin). */
  async statistics(actor: Actor, id: string) {
    const def = await this.definition(actor, id);
    requireRole(actor, text('action.read-statistics'), 'analyst', 'admin');
    return elementStatistics(this.db, def.tenant_id, def.id);
  }

  /** The latest deployed version of a form (analyst or admin); another tenant's is as missing as an unknown one. */
  async form(actor: Actor, formId: unknown): Promise<FormRow> {
    requireRole(actor, text('action.read-forms'), 'analyst', 'admin');
    const tenant = tenantOf(actor);
    const form = typeof formId === 'string' && formId.length <= FORM_ID_MAX ? await latestForm(this.db, tenant, formId) : undefined;
    if (!form) throw new NotFound(text('form.not-found', { id: String(formId).slice(0, 80) }));
    return form;
  }

  /** What the caller may start (service/startable.ts). */
  startable(actor: Actor): Promise<StartableProcess[]> {
    return startableProcesses(this.db, tenantOf(actor), actor);
  }

  /** The start form of a definition, for one who may start it (403), when it has one (404). */
  async startForm(actor: Actor, definitionId: string): Promise<FormRow> {
    const def = await this.definition(actor, definitionId);
    if (!mayStart(actor, def.model.starters)) throw new Forbidden(notAStarter(processName(def), def.model.starters!));
    const formId = def.model.startFormId;
    if (!formId) throw new NotFound(text('start.no-start-form', { process: processName(def), version: def.version }));
    const form = await latestForm(this.db, def.tenant_id, formId);
    if (!form) throw new NotFound(text('start.form-not-deployed', { form: formId, process: processName(def) }));
    return form;
  }

  // ——— Operations ———

  /** Incidents of the caller's tenant (analyst or admin). */
  incidents(actor: Actor, filter: IncidentFilter, page: PageQuery): Promise<Page<IncidentRow>> {
    const tenant = tenantOf(actor);
    requireRole(actor, text('action.list-incidents'), 'analyst', 'admin');
    return listIncidents(this.db, tenant, filter, page);
  }

  // ——— Who is asking, and is the database there ———

  /** The actor a request's bearer token (and a platform admin's chosen tenant) stands for (service/identity.ts). */
  actorOf(token: string, chosenTenant: string | undefined, cache?: TokenCache): Promise<Actor | undefined> {
    return actorOfRequest(this.db, token, chosenTenant, cache);
  }

  /** For /health: resolves while the database answers, throws when it does not. */
  databaseAnswers(): Promise<void> {
    return databaseAnswers(this.db);
  }

  // ——— People and the tenant ———

  /** A tenant's name (null when there is no such tenant). */
  async tenantName(id: string): Promise<string | null> {
    return (await findTenant(this.db, id))?.name ?? null;
  }

  /** The calling user as the API shows them (401 when the account went away). */
  async me(actor: Actor): Promise<UserView & { localPasswords: boolean; singleSignOn: boolean }> {
    const user: UserRow | undefined = await findUserByUsername(this.db, actor.username);
    if (!user) throw new Unauthenticated(text('access.token-invalid'));
    // localPasswords: whether a password can sign this person in (their own-account page offers a change only then).
    const localPasswords = await localPasswordsAllowed(this.db, user.tenant_id);
    return { ...(await userView(this.db, user)), localPasswords, singleSignOn: !!user.oidc_subject };
  }

  tenants(actor: Actor): Promise<TenantRow[]> {
    return tenants(this.db, actor);
  }

  people(actor: Actor, query: Omit<UserQuery, 'tenant'>, page: PageQuery): Promise<Page<PersonView>> {
    requireRole(actor, text('action.list-users'), 'admin', 'platform-admin');
    return listPeople(this.db, actor, query, page);
  }

  person(actor: Actor, username: string): Promise<PersonView> {
    return personOf(this.db, actor, username);
  }

  groups(actor: Actor): Promise<GroupView[]> {
    return groupsOf(this.db, actor);
  }

  /** The audit of administration (admin; a platform admin outside a tenant reads all of it). */
  audit(actor: Actor, query: Omit<AuditQuery, 'tenant'>, page: PageQuery) {
    requireRole(actor, text('action.read-audit'), 'admin', 'platform-admin');
    const tenant = hasRole(actor, 'platform-admin') && !actor.tenant ? undefined : actor.tenant ?? '';
    return listAudit(this.db, { ...query, tenant }, page);
  }

  calendar(actor: Actor, range: { from?: string; to?: string }): Promise<CalendarView> {
    return readCalendar(this.db, this.deps, actor, range);
  }
}
