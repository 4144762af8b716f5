/**
 * The packs imported into this tenant (GET /api/packs), each with its version, publisher, the
 * processes it brought and when, and its own export button: an export is chosen from what is
 * there, never typed. Owns the list's DOM; reload() after an import.
 */
import { exportPack, listPacks, type InstalledPack } from '../api.js';
import { downloadBlob, h, replaceChildren } from '../dom.js';
import { currentLang, formatDate, t } from '../i18n/lang.js';

export function installedPacks(): { element: HTMLElement; reload(): void } {
  const body = h('div', { 'data-testid': 'installed-packs' });
  const error = h('p', { className: 'form-error' });
  const text = (value: { id: string; en: string } | undefined) => (value ? value[currentLang()] ?? value.id : '');

  function row(pack: InstalledPack): HTMLElement {
    const button = h('button', { type: 'button', className: 'btn', 'data-action': 'export', 'data-pack': pack.name }, t('exportButton'));
    button.addEventListener('click', async () => {
      error.textContent = '';
      try {
        downloadBlob(`${pack.name}.zip`, await exportPack(pack.name));
      } catch (failure) {
        error.textContent = t('requestFailed', { detail: (failure as Error).message });
      }
    });
    return h('tr', { 'data-pack': pack.name },
      h('td', {}, h('strong', {}, pack.name), h('div', { className: 'muted' }, text(pack.description))),
      h('td', {}, pack.version),
      h('td', {}, pack.publisher?.name ?? pack.publisher?.tenant ?? ''),
      h('td', {}, pack.processes.map((process) => text(process.name) || process.id).join(', ')),
      h('td', {}, pack.importedAt ? formatDate(pack.importedAt) : ''),
      h('td', {}, button));
  }

  function reload(): void {
    void listPacks().then((packs) => {
      replaceChildren(body, packs.length
        ? h('table', { className: 'table' },
          h('thead', {}, h('tr', {}, ...(['packName', 'packVersion', 'packPublisher', 'packProcesses', 'packImportedAt'] as const).map((key) => h('th', {}, t(key))), h('th', {}))),
          h('tbody', {}, ...packs.map(row)))
        : h('p', { className: 'muted' }, t('noPacks')));
    }, (failure: unknown) => { error.textContent = t('requestFailed', { detail: (failure as Error).message }); });
  }

  reload();
  return { element: h('div', {}, body, error), reload };
}
