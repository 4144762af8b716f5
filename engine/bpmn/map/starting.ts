/**
 * How a case of the process begins, for the adapters (the core ignores it): the none start
 * event's form, who may start (`alur:starters groups`) and the registration number format
 * (`alur:businessKey format`), and whether a person may set only what forms declare
 * (`alur:variables strict`). Runs after rules/starting.ts and rules/variables.ts passed.
 */
import type { ProcessModel } from '../../core/model.js';
import { extension, flowElements, type Node } from '../rules/util.js';
import { starterGroups } from '../rules/starting.js';

export function mapStarting(process: Node, noneStart: string | undefined): Pick<ProcessModel, 'startFormId' | 'starters' | 'businessKeyFormat' | 'strictVariables'> {
  const out: Pick<ProcessModel, 'startFormId' | 'starters' | 'businessKeyFormat' | 'strictVariables'> = {};
  const start = noneStart ? flowElements(process).find((e) => e.node.id === noneStart)?.node : undefined;
  const form = extension(start, 'zeebe:FormDefinition');
  const formId = form?.formId ?? form?.formKey;
  if (typeof formId === 'string' && formId.trim() !== '') out.startFormId = formId.trim();
  const starters = extension(process, 'alur:Starters');
  if (starters) out.starters = starterGroups(starters.groups);
  const format = extension(process, 'alur:BusinessKey')?.format;
  if (typeof format === 'string' && format.trim() !== '') out.businessKeyFormat = format.trim();
  if (extension(process, 'alur:Variables')?.strict === true) out.strictVariables = true;
  return out;
}
