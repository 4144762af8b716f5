/**
 * A deployed diagram for the console (bpmn-js NavigatedViewer): the heatmap's count badges on each
 * element (overlays), a case's current steps and incidents as markers, and a click on a step
 * reported to the caller. Owns the viewer; it asks the server for nothing.
 */
import NavigatedViewerModule from 'bpmn-js/lib/NavigatedViewer.js';
import { h } from '../dom.js';
import { ot } from '../i18n/operate-strings.js';
import type { ElementCount } from '../operate-api.js';

// bpmn-js ships ES modules without "type": "module": TypeScript sees the class under `.default`,
// esbuild hands over the class itself (as in the inbox's case diagram).
const NavigatedViewer = ((NavigatedViewerModule as any).default ?? NavigatedViewerModule) as typeof NavigatedViewerModule.default;

export interface ElementInfo { name: string; type: string }

export interface OperateDiagram {
  /** Element id → its name (the id when unnamed) and BPMN type. */
  elements: Map<string, ElementInfo>;
  showCounts(counts: ElementCount[]): void;
  markCase(active: string[], incidentElements: string[]): void;
  select(elementId: string | null): void;
  destroy(): void;
}

/** Steps a person can point at: not the process, not flows, labels or the diagram's root. */
function pickable(element: any): boolean {
  const type: string = element?.businessObject?.$type ?? '';
  return !!element && !element.labelTarget && !element.waypoints && type !== 'bpmn:Process' && type !== 'bpmn:Collaboration' && type !== 'bpmn:Participant' && type !== 'bpmn:Lane';
}

export async function mountOperateDiagram(container: HTMLElement, xml: string, onPick: (elementId: string) => void): Promise<OperateDiagram> {
  const host = h('div', { className: 'op-canvas', role: 'img', 'aria-label': ot('diagramLabel'), 'data-testid': 'op-diagram' });
  container.append(host);
  const viewer = new NavigatedViewer({ container: host });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas') as any;
  const registry = viewer.get('elementRegistry') as any;
  const overlays = viewer.get('overlays') as any;
  const eventBus = viewer.get('eventBus') as any;

  const elements = new Map<string, ElementInfo>();
  for (const element of registry.getAll()) {
    const bo = element.businessObject;
    if (bo?.id && !element.labelTarget) elements.set(bo.id, { name: (bo.name as string | undefined)?.trim() || bo.id, type: bo.$type });
  }

  canvas.zoom('fit-viewport', 'auto');
  if (canvas.zoom() > 1) canvas.zoom(1, 'auto');

  eventBus.on('element.click', (event: { element: any }) => {
    if (pickable(event.element)) onPick(event.element.id);
  });

  let marked: { id: string; marker: string }[] = [];
  let selected: string | null = null;
  return {
    elements,
    showCounts(counts) {
      overlays.remove({ type: 'op-count' });
      for (const c of counts) {
        if (!registry.get(c.elementId)) continue;
        const name = elements.get(c.elementId)?.name ?? c.elementId;
        if (c.active > 0) {
          overlays.add(c.elementId, 'op-count', { position: { bottom: 12, left: -10 }, html: h('span', { className: 'op-badge op-badge-active', title: `${name}: ${ot('badgeActive', { n: c.active })}`, 'data-count': 'active', 'data-element': c.elementId }, String(c.active)) });
        }
        if (c.incidents > 0) {
          overlays.add(c.elementId, 'op-count', { position: { top: -12, right: 10 }, html: h('span', { className: 'op-badge op-badge-incident', title: `${name}: ${ot('badgeIncidents', { n: c.incidents })}`, 'data-count': 'incidents', 'data-element': c.elementId }, String(c.incidents)) });
        }
      }
    },
    markCase(active, incidentElements) {
      for (const m of marked) canvas.removeMarker(m.id, m.marker);
      marked = [];
      const mark = (id: string, marker: string) => {
        if (!registry.get(id)) return;
        canvas.addMarker(id, marker);
        marked.push({ id, marker });
      };
      for (const id of active) mark(id, 'op-current');
      for (const id of incidentElements) mark(id, 'op-incident');
    },
    select(elementId) {
      if (selected && registry.get(selected)) canvas.removeMarker(selected, 'op-selected');
      selected = elementId;
      if (elementId && registry.get(elementId)) canvas.addMarker(elementId, 'op-selected');
    },
    destroy: () => viewer.destroy(),
  };
}
