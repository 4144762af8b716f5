/**
 * What a user may start: the latest version of every process of the tenant that has a none start
 * event and whose `alur:starters` (if any) include one of the user's groups. Read from the stored
 * models' start fields in one query (no model is loaded or cached for it). Reads only.
 */
import type { Db } from '../store/db.js';
import { latestStartInfo, type StartInfo } from '../store/definitions.js';
import type { Actor } from './actor.js';
import { mayStart } from './starting.js';

export interface StartableProcess {
  processKey: string;
  name: string | null;
  version: number;
  definitionId: string;
  startFormId: string | null;
  /** True when a start without a business key is given a registration number. */
  registrationNumber: boolean;
}

export async function startableProcesses(db: Db, tenant: string, actor: Pick<Actor, 'groups'>): Promise<StartableProcess[]> {
  const rows = await latestStartInfo(db, tenant);
  return rows
    .filter((r) => r.none_start && mayStart(actor, r.starters))
    .map(view)
    .sort((a, b) => (a.name ?? a.processKey).localeCompare(b.name ?? b.processKey, 'id') || a.processKey.localeCompare(b.processKey));
}

function view(r: StartInfo): StartableProcess {
  return { processKey: r.key, name: r.name, version: r.version, definitionId: r.id, startFormId: r.start_form_id, registrationNumber: !!r.business_key_format };
}
