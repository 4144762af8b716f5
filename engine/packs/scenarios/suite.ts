/**
 * Runs every scenario of a validated pack, each in its own scratch tenant into which the pack is
 * imported with the given role map, and reports pass/fail per scenario.
 */
import type { RoleMap } from '../roles.js';
import type { ValidatedPack } from '../validate.js';
import { importPack } from '../import.js';
import { ScenarioHarness } from './harness.js';
import { runScenario, type ScenarioResult } from './run.js';
import { render, text, type Text } from '../../messages/index.js';

export interface SuiteOptions {
  onResult?: (r: ScenarioResult, index: number, total: number) => void;
  /** Run in this harness (and leave it open) instead of a fresh one. */
  harness?: ScenarioHarness;
  tenantPrefix?: string;
}

export async function runPackScenarios(v: ValidatedPack, roles: RoleMap, opts: SuiteOptions = {}): Promise<ScenarioResult[]> {
  const h = opts.harness ?? (await ScenarioHarness.open());
  const results: ScenarioResult[] = [];
  try {
    for (const [i, { file, scenario }] of v.scenarios.entries()) {
      const tenant = await h.createTenant(opts.tenantPrefix ?? 'uji');
      let result: ScenarioResult;
      try {
        await importPack(h.engine, h.admin(tenant), v, roles);
        result = await runScenario(h, tenant, file, scenario, roles);
      } catch (err) {
        // The import's refusal is catalog text when it has one (a PackError's problems, a service error's text).
        const error = text('scenario-run.at', { at: text('scenario-run.at-import'), problem: (err as { text?: Text }).text ?? (err as Error).message });
        result = { name: scenario.name, file, ok: false, error: render(error, 'en'), errorText: error, ms: 0 };
      }
      results.push(result);
      opts.onResult?.(result, i, v.scenarios.length);
    }
  } finally {
    if (!opts.harness) await h.close();
  }
  return results;
}
