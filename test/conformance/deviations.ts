/**
 * Reads DEVIATIONS.md as the record the gate holds the run to. Under a `## betsy execution…`
 * heading, each table row lists betsy tests (`Name`, every case) or cases (`Name#2`) in its
 * `cases` column; under `## betsy constraint…`, constraint model paths in its `models` column.
 * The last column is the reason. A row without names or without a reason is a problem in itself.
 */
export interface Deviations {
  /** betsy test or `test#case` → why it fails. */
  execution: Map<string, string>;
  /** constraint model path (as `EXT053/EXT053_1_failure.bpmn`) → why Alur deploys it. */
  constraints: Map<string, string>;
  /** Rows the gate cannot use (no names, no reason). */
  problems: string[];
}

export function parseDeviations(markdown: string): Deviations {
  const out: Deviations = { execution: new Map(), constraints: new Map(), problems: [] };
  let section: 'execution' | 'constraints' | undefined;
  let header: string[] | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) {
      section = /^betsy execution/i.test(heading[1]) ? 'execution' : /^betsy constraint/i.test(heading[1]) ? 'constraints' : undefined;
      header = undefined;
      continue;
    }
    if (!section) continue;
    if (!line.trim().startsWith('|')) {
      header = undefined;
      continue;
    }
    const cells = splitRow(line);
    if (!header) {
      header = cells.map((c) => c.toLowerCase());
      continue;
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    const column = header.indexOf(section === 'execution' ? 'cases' : 'models');
    if (column < 0) {
      out.problems.push(`DEVIATIONS.md: a table under "${section}" has no "${section === 'execution' ? 'cases' : 'models'}" column`);
      continue;
    }
    const names = [...(cells[column] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const reason = cells.length > column + 1 ? cells[cells.length - 1] : '';
    if (names.length === 0) out.problems.push(`DEVIATIONS.md: row "${line.trim()}" names no case`);
    if (!/\w{3}/.test(reason)) out.problems.push(`DEVIATIONS.md: row for ${names.join(', ') || '?'} gives no reason`);
    for (const name of names) out[section].set(name, reason);
  }
  return out;
}

/** Cells of a markdown table row; a `|` inside backticks or escaped does not split. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let code = false;
  const text = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '`') {
      code = !code;
      cell += ch;
    } else if (ch === '|' && !code) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}
