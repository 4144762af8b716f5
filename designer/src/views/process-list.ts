/**
 * The left-hand list of deployed processes and their versions (GET /api/process-definitions).
 * Owns fetching and rendering the list; opening a version is the caller's job (onOpen).
 */
import { listDefinitions, type ProcessDefinition } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { formatDate, t } from '../i18n/lang.js';

export interface ProcessList {
  element: HTMLElement;
  /** Reloads the list; resolves to the definitions shown (empty when loading failed). */
  refresh(): Promise<ProcessDefinition[]>;
  setActive(definitionId: string | null): void;
}

function groupByKey(definitions: ProcessDefinition[]): Map<string, ProcessDefinition[]> {
  const groups = new Map<string, ProcessDefinition[]>();
  for (const definition of definitions) {
    const list = groups.get(definition.key) ?? [];
    list.push(definition);
    groups.set(definition.key, list);
  }
  for (const list of groups.values()) list.sort((a, b) => b.version - a.version);
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function createProcessList(onOpen: (definition: ProcessDefinition) => void, onLoaded: (definitions: ProcessDefinition[]) => void): ProcessList {
  const body = h('div', { className: 'process-list-body' });
  const refreshButton = h('button', { type: 'button', className: 'btn btn-icon', title: t('refresh'), 'aria-label': t('refresh') }, '⟳');
  const element = h('aside', { className: 'sidebar', 'data-testid': 'process-list' },
    h('div', { className: 'sidebar-head' }, h('h2', {}, t('processes')), refreshButton),
    body,
  );
  let active: string | null = null;

  function render(definitions: ProcessDefinition[]): void {
    if (definitions.length === 0) {
      replaceChildren(body, h('p', { className: 'muted empty' }, t('noProcesses')));
      return;
    }
    const groups = [...groupByKey(definitions).entries()].map(([key, versions]) =>
      h('section', { className: 'process-group', 'data-key': key },
        // The name opens the newest version, as "versi N" opens its own.
        h('button', { type: 'button', className: 'process-name', 'data-action': 'open-latest', onclick: () => onOpen(versions[0]) },
          versions[0].name || key, h('span', { className: 'process-key' }, key)),
        h('ul', { className: 'version-list' }, ...versions.map((definition, index) =>
          h('li', {},
            h('button', {
              type: 'button',
              className: `version${definition.id === active ? ' active' : ''}`,
              'data-definition-id': definition.id,
              'data-version': definition.version,
              onclick: () => onOpen(definition),
            },
            h('span', {}, t('version', { version: definition.version })),
            index === 0 ? h('span', { className: 'badge' }, t('latest')) : null,
            definition.deployedAt ? h('time', { className: 'muted', datetime: definition.deployedAt }, formatDate(definition.deployedAt)) : null),
          ))),
      ));
    replaceChildren(body, ...groups);
  }

  async function refresh(): Promise<ProcessDefinition[]> {
    try {
      const definitions = await listDefinitions();
      render(definitions);
      onLoaded(definitions);
      return definitions;
    } catch (error) {
      replaceChildren(body, h('p', { className: 'form-error' }, t('requestFailed', { detail: (error as Error).message })));
      return [];
    }
  }

  refreshButton.addEventListener('click', () => void refresh());

  return {
    element,
    refresh,
    setActive(definitionId) {
      active = definitionId;
      for (const button of Array.from(body.querySelectorAll<HTMLElement>('.version'))) button.classList.toggle('active', button.dataset.definitionId === definitionId);
    },
  };
}
