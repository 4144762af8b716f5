/**
 * Drives the designer like an analyst: log in, create shapes from the palette, connect them with
 * the context pad, change a task's type, fill the properties panel. Selectors are bpmn-js's own
 * (`data-action`, `data-element-id`) and the designer's `data-testid`s, never CSS positions.
 */
import type { Page } from 'playwright-core';

export async function loginToDesigner(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  // The same page as /designer/ (engine/api/static.ts redirects only the slash-less /designer).
  await page.goto(`${baseUrl}/designer/index.html`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.djs-palette .entry');
}

export async function elementIds(page: Page): Promise<string[]> {
  return page.$$eval('.djs-element[data-element-id]', (nodes) => nodes.map((node) => node.getAttribute('data-element-id') as string));
}

/** The page coordinates of a shape's centre, or of the middle of a connection's path. */
export async function centre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((elementId) => {
    const hit = document.querySelector(`.djs-element[data-element-id="${elementId}"] .djs-hit`) as SVGGraphicsElement | null;
    if (!hit) return null;
    if (hit instanceof SVGPolylineElement || hit instanceof SVGPathElement) {
      const middle = hit.getPointAtLength(hit.getTotalLength() / 2);
      const screen = new DOMPoint(middle.x, middle.y).matrixTransform(hit.getScreenCTM() as DOMMatrix);
      return { x: screen.x, y: screen.y };
    }
    const box = hit.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }, id);
  if (!point) throw new Error(`element ${id} is not on the canvas`);
  return point;
}

/** Runs `action` and returns the id of the one new element matching `prefix` it created. */
async function created(page: Page, prefix: RegExp, action: () => Promise<void>): Promise<string> {
  const before = new Set(await elementIds(page));
  await action();
  const fresh = (await elementIds(page)).filter((id) => !before.has(id) && prefix.test(id) && !id.endsWith('_label'));
  if (fresh.length !== 1) throw new Error(`expected one new element, got ${JSON.stringify(fresh)}`);
  return fresh[0];
}

/** Creates a shape from the palette entry `action` (e.g. `create.task`) at page position (x, y). */
export function createFromPalette(page: Page, action: string, x: number, y: number): Promise<string> {
  return created(page, /^(Activity|Gateway|Event)_/, async () => {
    await page.click(`.djs-palette .entry[data-action="${action}"]`);
    await page.mouse.move(x - 20, y - 20);
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
  });
}

/** Selects one shape (its context pad opens); a second click on a selected shape would not. */
export async function select(page: Page, id: string): Promise<void> {
  const selected = page.locator(`.djs-element.selected[data-element-id="${id}"]`);
  if ((await selected.count()) && (await page.locator('.djs-context-pad.open').count())) return;
  await deselect(page);
  const { x, y } = await centre(page, id);
  await page.mouse.click(x, y);
  await page.waitForSelector(`.djs-element.selected[data-element-id="${id}"]`);
  await page.waitForSelector('.djs-context-pad.open');
}

/** Clicks an empty spot of the canvas, so no context pad covers the next shape clicked. */
export async function deselect(page: Page): Promise<void> {
  const spot = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=canvas] .djs-container > svg') as SVGSVGElement;
    const box = canvas.getBoundingClientRect();
    for (let y = box.bottom - 40; y > box.top + 40; y -= 37) {
      for (let x = box.right - 40; x > box.left + 80; x -= 53) {
        if (document.elementFromPoint(x, y) === canvas) return { x, y };
      }
    }
    return null;
  });
  if (!spot) throw new Error('no empty spot on the canvas');
  // diagram-js swallows the first click after a drag (connect, create), so click until it takes.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.mouse.move(spot.x, spot.y, { steps: 2 });
    await page.mouse.click(spot.x, spot.y);
    if ((await page.locator('.djs-element.selected').count()) === 0) return;
  }
}

/** Connects two shapes with a sequence flow through the context pad's connect tool. */
export async function connect(page: Page, sourceId: string, targetId: string): Promise<string> {
  return created(page, /^Flow_/, async () => {
    await select(page, sourceId);
    await page.click('.djs-context-pad .entry[data-action="connect"]');
    const target = await centre(page, targetId);
    await page.mouse.move(target.x - 10, target.y, { steps: 4 });
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await page.mouse.click(target.x, target.y);
  });
}

/** Changes a shape's type through the context pad's replace menu (e.g. `replace-with-user-task`). */
export async function replaceWith(page: Page, id: string, entryId: string): Promise<void> {
  await select(page, id);
  await page.click('.djs-context-pad .entry[data-action="replace"]');
  await page.click(`.djs-popup [data-id="${entryId}"]`);
}

/** Opens a properties panel group (by its id, e.g. `assignment`) if it is closed. */
export async function openGroup(page: Page, groupId: string): Promise<void> {
  const header = page.locator(`[data-group-id="group-${groupId}"] .bio-properties-panel-group-header`);
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

/** Types into a panel entry, whether it renders as a plain input or as a FEEL editor. */
export async function fillEntry(page: Page, entryId: string, value: string): Promise<void> {
  const entry = page.locator(`[data-entry-id="${entryId}"]`);
  const feel = entry.locator('.bio-properties-panel-feel-editor-container [contenteditable=true]');
  if (await feel.count()) {
    await feel.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
  } else {
    await entry.locator('input, textarea').first().fill(value);
  }
  await page.keyboard.press('Tab');
}
