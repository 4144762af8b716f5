/**
 * Candidate groups and starters suggest the tenant's groups (GET /api/groups): the properties panel's
 * "Candidate groups" and "Yang boleh memulai (grup)" inputs get a datalist of them whenever the panel draws it, so an analyst
 * picks "verifikator-kelurahan" instead of guessing its spelling. Typing anything else (several
 * groups, a FEEL expression) still works; the list only suggests.
 */
import { listGroups } from '../api.js';

const LIST_ID = 'alur-tenant-groups';
// A task's candidate groups and the process's starters ("Yang boleh memulai (grup)") both name tenant groups.
const INPUTS = '[data-entry-id="assignmentDefinitionCandidateGroups"] input, [data-entry-id="alur-starters"] input';

/** Watches `panel` for the candidate-groups input and attaches the tenant's groups; returns the stop. */
export function suggestGroups(panel: HTMLElement): () => void {
  const list = document.getElementById(LIST_ID) ?? document.body.appendChild(Object.assign(document.createElement('datalist'), { id: LIST_ID }));
  void listGroups().then((groups) => {
    list.replaceChildren(...(groups ?? []).map((group) => Object.assign(document.createElement('option'), { value: group })));
  }).catch(() => undefined);
  const attach = () => panel.querySelectorAll<HTMLInputElement>(INPUTS).forEach((input) => {
    if (input.getAttribute('list') !== LIST_ID) input.setAttribute('list', LIST_ID);
  });
  const observer = new MutationObserver(attach);
  observer.observe(panel, { childList: true, subtree: true });
  attach();
  return () => observer.disconnect();
}
