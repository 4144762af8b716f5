/**
 * The canvas as a newcomer meets it: an opened diagram fits the free canvas — right of the
 * palette, which floats over the canvas's left edge, so no element or refusal note hides under
 * it — and a blank diagram says how to start drawing until something is drawn.
 */
import { h } from '../dom.js';
import { t } from '../i18n/lang.js';

const MARGIN = 24;

/** Fits the whole diagram into the canvas right of the palette, never enlarged beyond 100 %. */
export function fitBesidePalette(modeler: any, container: HTMLElement): void {
  const canvas = modeler.get('canvas');
  const box = canvas.viewbox();
  const inner = box.inner;
  const { width, height } = container.getBoundingClientRect();
  if (!inner.width || !width) return;
  const palette = container.querySelector('.djs-palette')?.getBoundingClientRect();
  const left = palette ? palette.right - container.getBoundingClientRect().left + MARGIN : MARGIN;
  const scale = Math.min((width - left - MARGIN) / inner.width, (height - 2 * MARGIN) / inner.height, 1);
  if (scale <= 0) return;
  canvas.viewbox({
    x: inner.x - left / scale,
    y: inner.y - (height - inner.height * scale) / 2 / scale,
    width: width / scale,
    height: height / scale,
  });
}

/**
 * After the canvas changed size (a status line, the issues list growing), the palette may lay
 * itself out in two columns and cover the diagram's left edge: move the diagram right by what is
 * covered, at the same zoom.
 */
export function keepClearOfPalette(modeler: any, container: HTMLElement): void {
  const palette = container.querySelector('.djs-palette')?.getBoundingClientRect();
  const shapes = [...container.querySelectorAll('.djs-shape, .djs-connection')].map((element) => element.getBoundingClientRect()).filter((box) => box.width > 0);
  if (!palette || shapes.length === 0) return;
  const left = Math.min(...shapes.map((box) => box.left));
  const covered = palette.right + MARGIN - left;
  // Only a diagram that was clear of the palette before it grew is moved (one scrolled under it on purpose stays).
  if (covered > 0 && covered <= palette.width) modeler.get('canvas').scroll({ dx: covered, dy: 0 });
}

/** Whether the diagram is still blank: nothing drawn beside the one start event a new diagram has. */
export function isBlankDiagram(modeler: any): boolean {
  const shapes = (modeler.get('elementRegistry').getAll() as { type: string; labelTarget?: unknown }[])
    .filter((e) => !e.labelTarget && e.type !== 'bpmn:Process' && e.type !== 'bpmn:Collaboration');
  return shapes.length <= 1;
}

/**
 * A hint over a blank diagram, gone once anything else is drawn. Until then the canvas carries
 * `canvas-blank`, which hides the lint's markers and counter: a newcomer's first sight is how to
 * start, not a wall of errors about a process nobody has drawn yet (the issues list stays empty
 * too, designer-view.ts).
 */
export function blankDiagramHint(modeler: any, container: HTMLElement): void {
  const hint = h('p', { className: 'canvas-hint', 'data-testid': 'canvas-hint' }, t('canvasHint'));
  container.append(hint);
  const update = () => {
    const blank = isBlankDiagram(modeler);
    hint.hidden = !blank;
    container.classList.toggle('canvas-blank', blank);
  };
  modeler.on('elements.changed', update);
  modeler.on('import.done', update);
  update();
}
