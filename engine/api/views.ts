/**
 * Rows → the JSON shapes API.md names. Only these functions decide field names and formats
 * (ISO 8601 UTC strings for times), so every endpoint answers alike.
 */
import type { TaskRow } from '../store/tasks.js';
import type { InstanceRow } from '../store/instances.js';
import type { IncidentRow } from '../store/incidents.js';
import type { DefinitionRow } from '../store/definitions.js';
import type { HistoryRow } from '../store/history.js';
import type { DocumentRow } from '../store/documents.js';
import { incidentText } from '../messages/index.js';
import { ignoredText } from '../service/core-text.js';
import { activeElements, activeElementInstances, openIncidents, processVariables, type ProcessModel, type CaseSla, type SlaReport } from '../core/index.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Display names by username (store/users.ts displayNames); a name not in it shows as the username. */
export type Names = ReadonlyMap<string, string>;
const NO_NAMES: Names = new Map();
const nameOf = (username: string | null, names: Names) => (username ? names.get(username) ?? username : null);

/** Working days left until a due date, by the tenant's calendar now (service/calendars.ts workingDaysLeft). */
export type DaysLeft = (due: Date | null) => number | null;

export function taskView(t: TaskRow, names: Names = NO_NAMES, left?: DaysLeft) {
  return {
    id: t.id, name: t.name, elementId: t.element_id, processInstanceId: t.instance_id, processKey: t.process_key, businessKey: t.business_key,
    assignee: t.assignee, assigneeName: nameOf(t.assignee, names), candidateGroups: t.candidate_groups, candidateUsers: t.candidate_users, dueDate: iso(t.due_at), followUpDate: iso(t.follow_up_at),
    priority: t.priority, createdAt: iso(t.created_at), completedAt: iso(t.completed_at), completedBy: t.completed_by, completedByName: nameOf(t.completed_by, names), formId: t.form_id, state: t.state,
    ...(left ? { workingDaysLeft: left(t.due_at ? new Date(t.due_at) : null) } : {}),
  };
}

/** `elementInstanceKey`: the element instance the incident stops (from the case's snapshot; absent where it is not read). */
export function incidentView(i: IncidentRow, elementInstanceKey?: number) {
  // `text` writes `message` in the reader's language (localize) and goes.
  return { id: i.id, processInstanceId: i.instance_id, elementId: i.element_id, ...(elementInstanceKey !== undefined ? { elementInstanceKey } : {}), type: i.type, message: i.message, text: incidentText(i.type, i.message, i.params), state: i.state, createdAt: iso(i.created_at), resolvedAt: iso(i.resolved_at) };
}

/** The case's SLA at the time of asking (service/calendars.ts slaOf); null when the process has none. */
export type SlaOf = (sla: CaseSla | null | undefined) => SlaReport | null;

export function instanceSummary(i: Omit<InstanceRow, 'snapshot'> & { sla?: CaseSla | null }, sla?: SlaOf) {
  return {
    id: i.id, processKey: i.process_key, version: i.process_version, processDefinitionId: i.definition_id, businessKey: i.business_key,
    state: i.state, parentInstanceId: i.parent_instance_id, startedBy: i.started_by, startedAt: iso(i.started_at), endedAt: iso(i.ended_at),
    ...(sla ? { sla: sla(i.sla) } : {}),
  };
}

export function instanceView(i: InstanceRow, incidents: IncidentRow[], sla?: SlaOf) {
  // elementInstances and incidents[].elementInstanceKey (contract additions): the keys modify's
  // terminate[].elementInstanceKey names.
  const stopped = new Map(openIncidents(i.snapshot).map((x) => [x.key, x.elementKey]));
  return {
    ...instanceSummary(i), ...(sla ? { sla: sla(i.snapshot.sla) } : {}), variables: processVariables(i.snapshot), activeElements: activeElements(i.snapshot), elementInstances: activeElementInstances(i.snapshot),
    incidents: incidents.map((x) => incidentView(x, stopped.get(Number(x.key)))),
  };
}

export function definitionView(d: Pick<DefinitionRow, 'id' | 'key' | 'version' | 'name' | 'deployed_at' | 'deployment_id' | 'resource_name' | 'suspended_at' | 'suspended_by'>) {
  return {
    id: d.id, key: d.key, version: d.version, name: d.name, deployedAt: iso(d.deployed_at), deploymentId: d.deployment_id, resourceName: d.resource_name,
    suspended: Boolean(d.suspended_at), suspendedAt: d.suspended_at ? iso(d.suspended_at) : null, suspendedBy: d.suspended_by ?? null,
  };
}

/** How a case of a definition starts: its start form, who may start it (null: anyone) and its registration number format. */
export function startFields(model: ProcessModel) {
  return { startFormId: model.startFormId ?? null, starters: model.starters ?? null, businessKeyFormat: model.businessKeyFormat ?? null };
}

export function historyView(h: HistoryRow, names: Names = NO_NAMES) {
  return {
    at: iso(h.at), type: h.type,
    ...(h.element_id ? { elementId: h.element_id } : {}),
    ...(h.username ? { user: h.username, userName: nameOf(h.username, names) } : {}),
    ...(h.data ? { data: h.type === 'incident.raised' ? incidentEntryData(h.data) : h.type === 'job.failed' ? incidentEntryData(h.data, 'job') : h.type === 'input.ignored' ? ignoredEntryData(h.data) : h.data } : {}),
    // Whom a task was handed to, by name as `userName` names who acted (the inbox: "dialihkan kepada Rina").
    ...(typeof h.data?.assignee === 'string' ? { assigneeName: nameOf(h.data.assignee, names) } : {}),
  };
}

/**
 * An incident's history entry says what its incident says, in the reader's language: its message
 * becomes the incident's text (incidentText, as incidentView) when localized; `params` were kept
 * only for that. An entry from before params were kept reads as its incident row from then does.
 * A failed attempt (`job.failed`, retries left) reads as the job incident it would be: a worker's
 * words framed in the reader's language, Alur's own failures (params.text) wholly in it.
 */
function incidentEntryData(data: Record<string, unknown>, type = String(data.type)): Record<string, unknown> {
  const { params, ...rest } = data;
  if (typeof rest.message !== 'string') return rest;
  return { ...rest, text: incidentText(type, rest.message, params && typeof params === 'object' ? params as Record<string, string | number> : null) };
}

/** An ignored input's `reason` in the reader's language (its code and params stay beside it); an older entry keeps its English. */
function ignoredEntryData(data: Record<string, unknown>): Record<string, unknown> {
  const reason = ignoredText(data);
  return reason ? { ...data, reason } : data;
}

export function documentView(d: DocumentRow, names: Names = NO_NAMES) {
  return {
    id: d.id, name: d.name, mediaType: d.media_type, size: Number(d.size), sha256: d.sha256, uploadedBy: d.uploaded_by, uploadedByName: nameOf(d.uploaded_by, names), uploadedAt: iso(d.uploaded_at),
    processInstanceId: d.instance_id, field: d.field, taskId: d.task_id, attachedBy: d.attached_by, attachedByName: nameOf(d.attached_by, names), attachedAt: iso(d.attached_at),
    // Versions (README "Signing documents (TTE)"): a signed copy is a later version of the document it signs.
    version: d.version ?? 1, versionOf: d.version_of ?? null, signature: d.signature ?? null,
  };
}
