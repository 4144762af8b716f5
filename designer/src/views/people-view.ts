/**
 * The admin console (#/people, tenant admins): people — search, create, edit name, NIP, jabatan,
 * e-mail, roles and groups, deactivate or reactivate, reset a password — and the tenant's group
 * tree (OPD → bidang → seksi) with each group's members. Everything goes through the API, which
 * decides; a refusal is shown in the page's language as the server worded it.
 */
import type { Session } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n/lang.js';
import { signInCard } from './sign-in-card.js';
import { changeGroup, changePerson, createGroup, createPerson, createTenant, deleteGroup, listAllGroups, listTenants, searchPeople, type Group, type Person } from '../people-api.js';

const ROLES = ['admin', 'analyst', 'staff'] as const;

export function mountPeople(container: HTMLElement, session: Session): { destroy(): void } {
  if (!session.user.roles.some((role) => role === 'admin' || role === 'platform-admin')) {
    container.append(h('main', { className: 'page' }, h('p', { className: 'muted' }, t('adminOnly'))));
    return { destroy() {} };
  }
  const message = h('p', { className: 'form-error', role: 'alert', 'data-testid': 'people-message' });
  const say = (text: string, ok = false) => { message.textContent = text; message.className = ok ? 'form-ok' : 'form-error'; };
  const fail = (error: unknown) => say(t('requestFailed', { detail: error instanceof Error ? error.message : String(error) }));

  // People
  const search = h('input', { type: 'search', placeholder: t('peopleSearch'), 'aria-label': t('peopleSearch'), 'data-testid': 'people-search' });
  const peopleBody = h('tbody', {});
  const editor = h('div', { 'data-testid': 'person-editor' });
  let groups: Group[] = [];

  async function loadPeople(): Promise<void> {
    try {
      const page = await searchPeople(search.value.trim());
      replaceChildren(peopleBody, ...page.items.map((p) => h('tr', { className: p.active ? '' : 'inactive', 'data-username': p.username },
        h('td', {}, h('button', { type: 'button', className: 'link-button', onclick: () => edit(p) }, p.displayName), h('div', { className: 'muted' }, p.username)),
        h('td', {}, p.nip ?? '–'),
        h('td', {}, p.jabatan ?? '–'),
        h('td', {}, p.groups.join(', ') || '–'),
        h('td', {}, p.roles.map((r) => t(`role_${r}` as never)).join(', ')),
        h('td', {}, p.active ? t('personActive') : h('span', { className: 'badge badge-error' }, t('personInactive'))))));
    } catch (error) { fail(error); }
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => void loadPeople(), 250); });

  const field = (label: string, input: HTMLInputElement | HTMLSelectElement) => h('label', {}, label, input);
  const text = (name: string, value = '', attrs: Record<string, string> = {}) => h('input', { name, value, ...attrs });

  /** The form for a new person (`p` undefined) or for changing one. */
  function edit(p?: Person): void {
    say('');
    const username = text('username', p?.username ?? '', { required: 'true', pattern: '[A-Za-z0-9._@-]{1,100}' });
    if (p) username.disabled = true;
    const displayName = text('displayName', p?.displayName ?? '');
    const nip = text('nip', p?.nip ?? '', { inputmode: 'numeric', pattern: '[0-9]{18}' });
    const jabatan = text('jabatan', p?.jabatan ?? '');
    const email = text('email', p?.email ?? '', { type: 'email' });
    const groupList = text('groups', (p?.groups ?? []).join(', '), { list: 'people-groups' });
    const password = text('password', '', { type: 'password', autocomplete: 'new-password', minlength: '8' });
    const roleBoxes = ROLES.map((role) => h('input', { type: 'checkbox', name: 'role', value: role, checked: p ? p.roles.includes(role) : role === 'staff' }));
    const form = h('form', { className: 'card', 'data-testid': p ? 'edit-person' : 'new-person' },
      h('h3', {}, p ? t('personEdit', { name: p.displayName }) : t('personNew')),
      field(t('username'), username), field(t('personName'), displayName), field(t('personNip'), nip), field(t('personJabatan'), jabatan),
      field(t('personEmail'), email), field(t('personGroups'), groupList),
      h('fieldset', { className: 'roles' }, h('legend', {}, t('personRoles')),
        ...roleBoxes.map((box) => h('label', { className: 'check' }, box, ' ', t(`role_${box.value}` as never)))),
      field(p ? t('personResetPassword') : t('password'), password),
      h('div', { className: 'actions' },
        h('button', { type: 'submit', className: 'btn btn-primary' }, t('save')),
        p ? h('button', { type: 'button', className: 'btn', 'data-action': p.active ? 'deactivate' : 'reactivate', onclick: () => void setActive(p, !p.active) }, p.active ? t('personDeactivate') : t('personReactivate')) : null,
        h('button', { type: 'button', className: 'btn', onclick: () => replaceChildren(editor) }, t('cancel'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const roles = roleBoxes.filter((b) => b.checked).map((b) => b.value);
      const groupIds = groupList.value.split(',').map((g) => g.trim()).filter(Boolean);
      const values = { displayName: displayName.value.trim(), nip: nip.value.trim() || null, jabatan: jabatan.value.trim() || null, email: email.value.trim() || null, roles, groups: groupIds };
      const saving = p
        ? changePerson(p.username, { ...values, ...(password.value ? { password: password.value } : {}) })
        : createPerson({ ...values, username: username.value.trim(), password: password.value });
      void saving.then((saved) => {
        say(t(p ? 'personSaved' : 'personCreated', { name: saved.displayName }), true);
        replaceChildren(editor);
        void loadPeople();
        void loadGroups();
      }, fail);
    });
    replaceChildren(editor, form);
    (p ? displayName : username).focus();
  }

  async function setActive(p: Person, active: boolean): Promise<void> {
    if (!active && !window.confirm(t('personDeactivateConfirm', { name: p.displayName }))) return;
    try {
      await changePerson(p.username, { active });
      say(t(active ? 'personReactivated' : 'personDeactivated', { name: p.displayName }), true);
      replaceChildren(editor);
      await loadPeople();
      await loadGroups();
    } catch (error) { fail(error); }
  }

  // Groups
  const tree = h('ul', { className: 'group-tree', 'data-testid': 'group-tree' });
  const members = h('div', { 'data-testid': 'group-members' });
  const groupOptions = h('datalist', { id: 'people-groups' });
  const newId = text('group-id', '', { required: 'true', pattern: '[A-Za-z0-9._-]{1,100}', placeholder: 'seksi-pbg' });
  const newName = text('group-name', '', { placeholder: t('groupNamePlaceholder') });
  const newParent = h('select', { name: 'group-parent' });

  async function loadGroups(): Promise<void> {
    try {
      groups = (await listAllGroups()).items;
      replaceChildren(groupOptions, ...groups.map((g) => h('option', { value: g.id }, g.name)));
      replaceChildren(newParent, h('option', { value: '' }, t('groupNoParent')), ...groups.map((g) => h('option', { value: g.id }, g.name)));
      const children = (parent: string | null): HTMLElement[] => groups.filter((g) => g.parent === parent).map((g) => {
        const below = children(g.id);
        return h('li', { 'data-group': g.id },
          h('button', { type: 'button', className: 'link-button', onclick: () => void showMembers(g) }, g.name),
          ' ', h('span', { className: 'muted' }, `${g.id} · ${t('groupMembers', { n: g.members })}`),
          below.length ? h('ul', {}, ...below) : null);
      });
      // A group whose parent is missing (cannot happen through the API) still shows at the top.
      const known = new Set(groups.map((g) => g.id));
      const roots = [...children(null), ...groups.filter((g) => g.parent && !known.has(g.parent)).map((g) => h('li', {}, g.name))];
      replaceChildren(tree, ...(roots.length ? roots : [h('li', { className: 'muted' }, t('groupNone'))]));
    } catch (error) { fail(error); }
  }

  async function showMembers(g: Group): Promise<void> {
    try {
      const page = await searchPeople('', g.id);
      const rename = text('rename', g.name, { 'aria-label': t('groupRename') });
      const parent = h('select', { 'aria-label': t('groupParent') },
        h('option', { value: '' }, t('groupNoParent')),
        ...groups.filter((o) => o.id !== g.id).map((o) => h('option', { value: o.id, selected: o.id === g.parent }, o.name)));
      replaceChildren(members, h('div', { className: 'card' },
        h('h3', {}, g.name),
        h('ul', {}, ...(page.items.length ? page.items.map((p) => h('li', {}, p.displayName, p.jabatan ? ` — ${p.jabatan}` : '', p.active ? '' : ` (${t('personInactive')})`)) : [h('li', { className: 'muted' }, t('groupEmpty'))])),
        h('div', { className: 'actions' }, rename, parent,
          h('button', { type: 'button', className: 'btn', onclick: () => void changeGroup(g.id, { name: rename.value.trim(), parent: parent.value || null }).then(() => { say(t('groupSaved', { name: rename.value.trim() || g.id }), true); return loadGroups(); }, fail) }, t('save')),
          h('button', { type: 'button', className: 'btn', onclick: () => void deleteGroup(g.id).then(() => { replaceChildren(members); say(t('groupDeleted', { name: g.name }), true); return loadGroups(); }, fail) }, t('groupDelete')))));
    } catch (error) { fail(error); }
  }

  const groupForm = h('form', { className: 'actions', 'data-testid': 'new-group' },
    field(t('groupId'), newId), field(t('groupName'), newName), field(t('groupParent'), newParent),
    h('button', { type: 'submit', className: 'btn' }, t('groupAdd')));
  groupForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void createGroup({ id: newId.value.trim(), name: newName.value.trim() || undefined, parent: newParent.value || null }).then((g) => {
      say(t('groupCreated', { name: g.name }), true);
      newId.value = newName.value = '';
      return loadGroups();
    }, fail);
  });

  // The platform administrator (no tenant of their own) manages tenants and their first admins;
  // groups belong to a tenant, so that card is for tenant admins.
  const platform = session.user.roles.includes('platform-admin') && !session.user.tenant;
  const tenantList = h('ul', { 'data-testid': 'tenant-list' });
  const tenantId = text('tenant-id', '', { required: 'true', pattern: '[a-z0-9-]{2,40}', placeholder: 'batang' });
  const tenantName = text('tenant-name', '', { required: 'true', placeholder: 'Kabupaten Batang' });
  const firstAdmin = text('tenant-admin', '', { required: 'true', placeholder: 'admin.batang' });
  const firstPassword = text('tenant-admin-password', '', { type: 'password', required: 'true', minlength: '8', autocomplete: 'new-password' });
  async function loadTenants(): Promise<void> {
    try {
      replaceChildren(tenantList, ...(await listTenants()).items.map((x) => h('li', { 'data-tenant': x.id }, h('strong', {}, x.name), ` ${x.id}`)));
    } catch (error) { fail(error); }
  }
  const tenantForm = h('form', { className: 'actions', 'data-testid': 'new-tenant' },
    field(t('tenantId'), tenantId), field(t('tenantName'), tenantName), field(t('tenantAdmin'), firstAdmin), field(t('password'), firstPassword),
    h('button', { type: 'submit', className: 'btn' }, t('tenantAdd')));
  tenantForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = tenantId.value.trim();
    void createTenant({ id, name: tenantName.value.trim() })
      .then(() => createPerson({ username: firstAdmin.value.trim(), password: firstPassword.value, tenant: id, roles: ['admin', 'analyst'], groups: [] }))
      .then(() => {
        say(t('tenantCreated', { name: tenantName.value.trim(), admin: firstAdmin.value.trim() }), true);
        tenantId.value = tenantName.value = firstAdmin.value = firstPassword.value = '';
        void loadPeople();
        return loadTenants();
      }, fail);
  });

  container.append(h('main', { className: 'page people-page' },
    h('h1', {}, t('peopleTitle')),
    h('p', { className: 'muted' }, t('peopleLead')),
    message,
    h('section', { className: 'card' },
      h('h2', {}, t('peopleHeading')),
      h('div', { className: 'actions' }, search, h('button', { type: 'button', className: 'btn btn-primary', 'data-action': 'new-person', onclick: () => edit() }, t('personNew'))),
      editor,
      h('table', { className: 'table' },
        h('thead', {}, h('tr', {}, ...[t('personName'), t('personNip'), t('personJabatan'), t('personGroupsShort'), t('personRoles'), t('personState')].map((c) => h('th', {}, c)))),
        peopleBody)),
    platform
      ? h('section', { className: 'card' }, h('h2', {}, t('tenantsHeading')), tenantForm, tenantList)
      : h('section', { className: 'card' },
        h('h2', {}, t('groupsHeading')),
        groupForm, tree, members),
    platform || !session.user.tenant ? null : signInCard(session.user.tenant, say, fail),
    groupOptions));
  void loadPeople();
  if (platform) void loadTenants(); else void loadGroups();
  return { destroy() { clearTimeout(timer); } };
}
