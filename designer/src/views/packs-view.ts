/**
 * The pack admin page (tenant admin): upload a pack zip, map each pack role to a local group,
 * run the dry run, read its report, import; and export one of the imported packs listed below. Owns the page's form;
 * the mapping is only ever sent to the server, never applied here.
 */
import { ApiError, importPack, listGroups, type PackReport, type Session } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { filePicker } from './file-picker.js';
import { installedPacks } from './installed-packs.js';
import { currentLang, t } from '../i18n/lang.js';
import { renderReport } from './pack-report.js';
import { createGroup } from '../people-api.js';

export function mountPacks(container: HTMLElement, session: Session): { destroy(): void } {
  if (!session.user.roles.some((role) => role === 'admin' || role === 'platform-admin')) {
    container.append(h('main', { className: 'page' }, h('p', { className: 'muted' }, t('adminOnly'))));
    return { destroy() {} };
  }
  const roles = new Map<string, string>();
  const descriptions = new Map<string, string>();
  const fileInput = h('input', { type: 'file', accept: '.zip', 'data-testid': 'pack-file' });
  // A role map kept from an earlier import (batang.roles.json): { "<pack role>": "<local group>" }.
  const rolesFileInput = h('input', { type: 'file', accept: '.json,application/json', 'data-testid': 'roles-file' });
  const fromFile = new Map<string, string>();
  const mappingBody = h('tbody', {});
  const mapping = h('div', { className: 'role-mapping', hidden: true, 'data-testid': 'role-mapping' },
    h('h3', {}, t('roleMapping')), h('p', { className: 'muted' }, t('roleMappingLead')),
    h('table', { className: 'table' }, h('thead', {}, h('tr', {}, h('th', {}, t('packRole')), h('th', {}, t('localGroup')))), mappingBody));
  const groups = h('datalist', { id: 'alur-groups' });
  const report = h('div', { className: 'pack-report', 'data-testid': 'pack-report' });
  const dryRunButton = h('button', { type: 'button', className: 'btn', 'data-action': 'dry-run' }, t('dryRun'));
  const importButton = h('button', { type: 'button', className: 'btn btn-primary', 'data-action': 'import', disabled: true }, t('importNow'));
  const installed = installedPacks();

  // The tenant's groups: a pick list when the server names them, free text with suggestions if not.
  let tenantGroups: string[] | null = null;
  void listGroups().then((found) => {
    tenantGroups = found && found.length ? found : null;
    replaceChildren(groups, ...(found ?? session.user.groups).map((name) => h('option', { value: name })));
    showRoles([]);
  }).catch(() => undefined);

  function groupPicker(role: string, group: string): HTMLInputElement | HTMLSelectElement {
    const onChange = (value: string) => { roles.set(role, value.trim()); importButton.disabled = true; };
    if (tenantGroups && group && !tenantGroups.includes(group)) {
      // The map names a group this tenant does not have yet: offer to create it here.
      const create = h('button', { type: 'button', className: 'btn', 'data-action': 'create-group', 'data-group': group }, t('createGroup', { group }));
      create.addEventListener('click', () => {
        create.disabled = true;
        void createGroup({ id: group }).then(async () => {
          tenantGroups = await listGroups();
          replaceChildren(groups, ...(tenantGroups ?? []).map((name) => h('option', { value: name })));
          showRoles([]);
        }, (error: unknown) => {
          create.disabled = false;
          replaceChildren(report, h('p', { className: 'form-error' }, t('requestFailed', { detail: (error as Error).message })));
        });
      });
      const select = h('select', { 'data-role': role, 'aria-label': role },
        h('option', { value: '' }, t('chooseGroup')),
        ...tenantGroups.map((name) => h('option', { value: name }, name)));
      select.addEventListener('change', () => onChange(select.value));
      return h('span', { className: 'missing-group' }, select, ' ', h('span', { className: 'muted' }, t('groupMissing', { group })), ' ', create) as unknown as HTMLSelectElement;
    }
    if (!tenantGroups) {
      const input = h('input', { value: group, list: 'alur-groups', 'data-role': role, 'aria-label': role });
      input.addEventListener('input', () => onChange(input.value));
      return input;
    }
    const select = h('select', { 'data-role': role, 'aria-label': role },
      h('option', { value: '' }, t('chooseGroup')),
      ...tenantGroups.map((name) => h('option', { value: name, selected: name === group }, name)));
    select.addEventListener('change', () => onChange(select.value));
    return select;
  }

  /** One row per pack role; the server's report tells which roles the pack has. */
  function showRoles(names: string[]): void {
    for (const name of names) if (!roles.has(name)) roles.set(name, '');
    if (roles.size === 0) return;
    mapping.hidden = false;
    replaceChildren(mappingBody, ...[...roles.entries()].map(([role, group]) =>
      h('tr', {},
        h('td', {}, h('code', {}, role), descriptions.get(role) ? h('div', { className: 'muted role-description' }, descriptions.get(role)) : null),
        h('td', {}, groupPicker(role, group)))));
  }

  async function run(dryRun: boolean): Promise<void> {
    const file = fileInput.files?.[0];
    if (!file) {
      replaceChildren(report, h('p', { className: 'form-error' }, t('chooseFile')));
      return;
    }
    const mapped = Object.fromEntries([...roles.entries()].filter(([, group]) => group));
    dryRunButton.disabled = importButton.disabled = true;
    try {
      const result = await importPack(file, mapped, dryRun);
      const unmapped = result.unmappedRoles ?? [];
      showRoles([...unmapped, ...rolesIn(result, descriptions)]);
      // Roles still to map are the next step, not a failure; importing waits for them.
      const blocked = unmapped.length > 0;
      const headline = blocked ? t('mapRolesFirst') : dryRun ? t('dryRunOk') : t('imported');
      replaceChildren(report, renderReport(result, headline, blocked ? 'info' : 'success'));
      importButton.disabled = !dryRun || blocked;
      if (!dryRun && !blocked) installed.reload();
    } catch (error) {
      const problem = error instanceof ApiError ? (error.problem as PackReport) : {};
      const unmapped = [...(problem.unmappedRoles ?? []), ...unmappedInErrors(problem), ...rolesIn(problem, descriptions)];
      showRoles(unmapped);
      // Only roles left to map: that is the next step, not a failure.
      const onlyRoles = unmapped.length > 0 && (problem.errors ?? []).every((entry) => entry.element?.startsWith('roles#'));
      replaceChildren(report, onlyRoles
        ? renderReport({ ...problem, unmappedRoles: unmapped, errors: undefined }, t('mapRolesFirst'), 'info')
        : renderReport(problem, (error as Error).message, 'error'));
      importButton.disabled = true;
    } finally {
      dryRunButton.disabled = false;
    }
  }

  fileInput.addEventListener('change', () => {
    roles.clear();
    for (const [role, group] of fromFile) roles.set(role, group);
    mapping.hidden = true;
    importButton.disabled = true;
    report.replaceChildren();
    void run(true);
  });
  rolesFileInput.addEventListener('change', () => {
    const file = rolesFileInput.files?.[0];
    if (!file) return;
    void file.text().then((content) => {
      let parsed: unknown;
      try { parsed = JSON.parse(content); } catch { parsed = null; }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
        replaceChildren(report, h('p', { className: 'form-error' }, t('rolesFileInvalid')));
        return;
      }
      fromFile.clear();
      for (const [role, group] of Object.entries(parsed as Record<string, string>)) {
        fromFile.set(role, group.trim());
        roles.set(role, group.trim());
      }
      importButton.disabled = true;
      showRoles([]);
    });
  });
  dryRunButton.addEventListener('click', () => void run(true));
  importButton.addEventListener('click', () => void run(false));

  container.append(h('main', { className: 'page' },
    h('h1', {}, t('packsTitle')), h('p', { className: 'muted' }, t('packsLead')),
    h('section', { className: 'card', 'data-testid': 'pack-import' },
      h('h2', {}, t('packImport')),
      filePicker(fileInput, t('packFile')),
      h('p', { className: 'muted hint' }, t('packFileHint')),
      filePicker(rolesFileInput, t('rolesFile')),
      mapping, groups,
      h('div', { className: 'actions' }, dryRunButton, importButton),
      report),
    h('section', { className: 'card', 'data-testid': 'pack-export' },
      h('h2', {}, t('packExport')),
      h('p', { className: 'muted' }, t('packExportLead')),
      installed.element)));
  return { destroy() {} };
}

/** Unmapped roles named by a refused import's errors (`element: "roles#<role>"`). */
function unmappedInErrors(problem: PackReport): string[] {
  const errors = problem.errors ?? [];
  return errors.map((entry) => entry.element ?? '').filter((element) => element.startsWith('roles#')).map((element) => element.slice('roles#'.length));
}

/** The pack's roles as the report lists them (`roles: [{ key, description: { id, en } }]`). */
function rolesIn(report: PackReport, descriptions?: Map<string, string>): string[] {
  const roles = report.roles as unknown;
  if (!Array.isArray(roles)) return roles && typeof roles === 'object' ? Object.keys(roles) : [];
  return roles.map((role) => {
    if (typeof role === 'string') return role;
    const key = String(role.key ?? role.name ?? role.id);
    const text = role.description?.[currentLang()] ?? role.description?.en ?? (typeof role.description === 'string' ? role.description : undefined);
    if (text && descriptions) descriptions.set(key, text);
    return key;
  });
}
