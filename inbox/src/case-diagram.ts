/**
 * The case's process diagram: a bpmn-js NavigatedViewer showing the deployed XML with the current
 * element(s) highlighted and the path taken (completed elements, taken flows) marked. Owns the
 * viewer and its markers; it reads element names for the history, and changes nothing on the server.
 */
import NavigatedViewerModule from 'bpmn-js/lib/NavigatedViewer.js';
import { h } from './dom.js';
import { t } from './i18n/index.js';
import type { HistoryItem } from './types.js';

// bpmn-js ships ES modules without "type": "module", so TypeScript (NodeNext) sees the class one
// level down under `.default`, while esbuild hands over the class itself; accept both.
const NavigatedViewer = ((NavigatedViewerModule as any).default ?? NavigatedViewerModule) as typeof NavigatedViewerModule.default;

export interface ElementInfo { name: string | null; type: string }
export type ElementNames = Map<string, ElementInfo>;

export interface CaseDiagram {
  names: ElementNames;
  destroy(): void;
}

export async function mountDiagram(container: HTMLElement, xml: string, active: string[], history: HistoryItem[]): Promise<CaseDiagram> {
  const canvasHost = h('div', { class: 'diagram-canvas' });
  container.append(canvasHost);
  const viewer = new NavigatedViewer({ container: canvasHost });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas') as any;
  const registry = viewer.get('elementRegistry') as any;

  const names: ElementNames = new Map();
  for (const element of registry.getAll()) {
    const bo = element.businessObject;
    if (bo?.id) names.set(bo.id, { name: bo.name ?? null, type: bo.$type });
  }

  const taken = new Set(history
    .filter((item) => item.elementId && (item.type === 'element.completed' || item.type === 'flow.taken'))
    .map((item) => item.elementId as string));
  for (const id of taken) if (registry.get(id)) canvas.addMarker(id, 'alur-taken');
  for (const id of active) {
    if (!registry.get(id)) continue;
    canvas.removeMarker(id, 'alur-taken');
    canvas.addMarker(id, 'alur-active');
  }
  fit(canvas);

  const activeNames = currentStepNames(names, active);
  canvasHost.setAttribute('role', 'img');
  canvasHost.setAttribute('aria-label', `${t('case.diagram')}${activeNames.length ? `: ${activeNames.join(', ')}` : ''}`);

  const zoom = (delta: number): void => { canvas.zoom(canvas.zoom() * delta); };
  container.append(h('div', { class: 'diagram-controls' },
    h('button', { type: 'button', class: 'icon-button', 'aria-label': t('case.zoomIn'), title: t('case.zoomIn'), onclick: () => zoom(1.25) }, '+'),
    h('button', { type: 'button', class: 'icon-button', 'aria-label': t('case.zoomOut'), title: t('case.zoomOut'), onclick: () => zoom(0.8) }, '−'),
    h('button', { type: 'button', class: 'icon-button', 'aria-label': t('case.fit'), title: t('case.fit'), onclick: () => fit(canvas) }, '⤢')));

  return { names, destroy: () => viewer.destroy() };
}

function fit(canvas: any): void {
  canvas.zoom('fit-viewport', 'auto');
  // Small diagrams would be blown up past a readable size on a wide screen; cap at 100 %.
  if (canvas.zoom() > 1) canvas.zoom(1, 'auto');
}

/** Names of the active elements a person would call "the current step" (not the process itself). */
export function currentStepNames(names: ElementNames, active: string[]): string[] {
  return active.filter((id) => names.get(id)?.type !== 'bpmn:Process').map((id) => names.get(id)?.name ?? id);
}
