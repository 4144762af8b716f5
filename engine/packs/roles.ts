/**
 * Pack roles in BPMN and their mapping to a tenant's groups.
 *
 * In a pack, `zeebe:assignmentDefinition candidateGroups` (and candidateUsers), and
 * `alur:starters groups` (who may start a process), name the pack's role keys. On import the XML itself is rewritten, so the deployed definition carries the tenant's
 * group names and everything downstream (task lists, the inbox, history) needs no mapping table:
 *  - a static list (`kepala-opd, sekretaris`) → each key replaced by its group;
 *  - FEEL without variables (`=if … then "a" else "b"` has none; `=["a","b"]`) → each string literal
 *    that is a role key replaced;
 *  - FEEL with variables (`=bidang`, where a form chose a role key) → wrapped in a lookup, so the
 *    value computed at run time is mapped: `=for r in flatten([E]) return <map lookup of r>`. In
 *    candidateGroups a value that is neither a role key nor a group of the map becomes a marker the
 *    user task refuses (an unmapped-role incident naming it), so a form's value cannot route a task
 *    to a local group outside the map; candidateUsers name people and pass through.
 * Static values that are not role keys are left as they are (validation reports unknown roles). The original pack is stored unchanged, so an
 * export is the publisher's pack, not the tenant's rewrite.
 */
import { parseExpression } from 'feelin';
import { moddle, parseDefinitions, type Node } from '../bpmn/moddle.js';
import { readXml } from '../bpmn/read-xml.js';
import { PackError } from './problems.js';
import { UNMAPPED_ROLE } from '../core/elements/user-task.js';

export type RoleMap = Record<string, string>;
const ATTRS = ['candidateGroups', 'candidateUsers'] as const;
/** Where pack roles are named: assignments, and who may start a process (`alur:starters groups`, a static list). */
type RoleAttribute = (typeof ATTRS)[number] | 'starters';

export interface RoleUse {
  element: string;
  attribute: RoleAttribute;
  /** Role keys named literally. */
  keys: string[];
  /** True when the value is FEEL that depends on variables (its roles are known only at run time). */
  dynamic: boolean;
  /** The value as written. */
  value: string;
}

/** Every candidateGroups/candidateUsers value in a BPMN document. */
export async function roleUses(xml: string, file: string): Promise<RoleUse[]> {
  const uses: RoleUse[] = [];
  await visitAssignments(xml, file, (element, attribute, value) => {
    const parsed = analyse(value);
    uses.push({ element, attribute, keys: parsed.literals.map((l) => l.value), dynamic: parsed.dynamic, value });
    return undefined;
  });
  return uses;
}

/** The BPMN text with every role key replaced by its group (see the header for the rules). */
export async function applyRoleMap(xml: string, file: string, map: RoleMap): Promise<string> {
  return visitAssignments(xml, file, (_element, attribute, value) => rewrite(value, map, attribute === 'candidateGroups'));
}

/**
 * The group `key` maps to, looked up on the map's own properties only: a role map is parsed JSON,
 * and `constructor` or `__proto__` must read as unmapped, not as Object's inherited members.
 */
export function mappedGroup(map: RoleMap, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(map, key)) return undefined;
  const group = map[key];
  return typeof group === 'string' && group !== '' ? group : undefined;
}

function rewrite(value: string, map: RoleMap, guard: boolean): string {
  const mapped = (k: string) => mappedGroup(map, k) ?? k;
  if (!value.trim().startsWith('=')) return value.split(',').map((k) => mapped(k.trim())).join(',');
  const parsed = analyse(value);
  const source = value.trim().slice(1);
  if (parsed.dynamic) {
    const table = `{${Object.keys(map).sort().map((k) => `${JSON.stringify(k)}: ${JSON.stringify(map[k])}`).join(', ')}}`;
    const groups = `[${[...new Set(Object.keys(map).map((k) => mappedGroup(map, k)).filter((g): g is string => !!g))].sort().map((g) => JSON.stringify(g)).join(', ')}]`;
    const other = guard ? `if list contains(${groups}, r) then r else ${JSON.stringify(UNMAPPED_ROLE)} + string(r)` : 'r';
    return `=for r in flatten([${source}]) return if get value(${table}, r) = null then ${other} else get value(${table}, r)`;
  }
  let out = '';
  let at = 0;
  for (const lit of parsed.literals) {
    out += source.slice(at, lit.from) + JSON.stringify(mapped(lit.value));
    at = lit.to;
  }
  return `=${out}${source.slice(at)}`;
}

interface Analysis { literals: { value: string; from: number; to: number }[]; dynamic: boolean }

function analyse(value: string): Analysis {
  const text = value.trim();
  if (!text.startsWith('=')) {
    return { literals: text.split(',').map((k) => k.trim()).filter(Boolean).map((k) => ({ value: k, from: 0, to: 0 })), dynamic: false };
  }
  const source = text.slice(1);
  const literals: Analysis['literals'] = [];
  let dynamic = false;
  parseExpression(source, {}, undefined).iterate({
    enter(node) {
      if (node.type.name === 'StringLiteral') {
        literals.push({ value: JSON.parse(source.slice(node.from, node.to)), from: node.from, to: node.to });
      } else if (node.type.name === 'VariableName') {
        dynamic = true;
      }
    },
  });
  return { literals, dynamic };
}

type Visitor = (element: string, attribute: RoleAttribute, value: string) => string | undefined;

/** Calls `visit` for each assignment value; returns the document re-serialised with the replacements. */
async function visitAssignments(xml: string, file: string, visit: Visitor): Promise<string> {
  const read = readXml(xml);
  if (!read.ok) throw new PackError(read.errors.map((e) => ({ file, element: e.element, message: e.message })));
  const parsed = await parseDefinitions(read.text);
  if (!parsed.ok) throw new PackError(parsed.errors.map((e) => ({ file, element: e.element, message: e.message })));
  let changed = false;
  for (const el of Object.values(parsed.parsed.elementsById) as Node[]) {
    for (const ext of el.extensionElements?.values ?? []) {
      if (ext.$type === 'alur:Starters' && typeof ext.groups === 'string' && ext.groups.trim() !== '') {
        const next = visit(el.id!, 'starters', ext.groups);
        if (next !== undefined && next !== ext.groups) {
          ext.groups = next;
          changed = true;
        }
      }
      if (ext.$type !== 'zeebe:AssignmentDefinition') continue;
      for (const attr of ATTRS) {
        if (typeof ext[attr] !== 'string' || ext[attr].trim() === '') continue;
        const next = visit(el.id!, attr, ext[attr]);
        if (next !== undefined && next !== ext[attr]) {
          ext[attr] = next;
          changed = true;
        }
      }
    }
  }
  if (!changed) return xml;
  const { xml: out } = await moddle().toXML(parsed.parsed.definitions, { format: true });
  return out;
}
