/**
 * The form editor speaks the designer's language. form-js writes its palette, empty canvas and
 * properties panel in English without a translate service; the designer rewrites those words.
 * The spec adds every component of the palette to a start form and selects each: in English
 * every word the palette and panel show must be one the Indonesian dictionary knows (so a form-js
 * upgrade that adds a word fails here), and in Indonesian none of them is left in English.
 */
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, setupTenant, startServer, type RunningServer } from './support/index.js';
import { loginToDesigner, select } from './support/designer-page.js';

const analyst = { username: 'analis.formulir', password: 'Rahasia-analis-3', roles: ['analyst'], groups: ['bagian-organisasi'] };

/** Opens the start event's form and adds one of each palette component; returns the texts shown per component. */
async function everyComponent(page: Page): Promise<{ texts: string[]; types: string[] }> {
  await select(page, 'StartEvent_1');
  await page.click('[data-action=form]');
  await page.locator('[data-testid=form-dialog] .fjs-palette-field').first().waitFor();
  const collect = () => page.evaluate(() => {
    const own = '.fjs-form-field-label, .fjs-form-field-description, .fjs-form-field-text, .fjs-button, input, textarea, select, [contenteditable], .cm-editor, .flatpickr-calendar';
    const roots = document.querySelectorAll('[data-testid=form-dialog] .fjs-palette-container, [data-testid=form-dialog] .form-editor-panel, [data-testid=form-dialog] .fjs-editor-container');
    const found: string[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Text) {
          if (node.data.trim() && !node.parentElement?.closest(own)) found.push(node.data.trim());
        } else if (!(node as Element).closest(own)) {
          for (const name of ['title', 'placeholder', 'aria-label']) {
            const value = (node as Element).getAttribute(name)?.trim();
            if (value) found.push(value);
          }
        }
      }
    }
    return found;
  });
  const texts = new Set(await collect());
  const types = await page.$$eval('[data-testid=form-dialog] .fjs-palette-field', (nodes) => nodes.map((n) => (n as HTMLElement).dataset.fieldType as string));
  for (const type of types) {
    await page.focus(`[data-testid=form-dialog] .fjs-palette-field[data-field-type="${type}"]`);
    await page.keyboard.press('Enter');
    const fields = page.locator('[data-testid=form-dialog] .fjs-editor-container .fjs-element[data-id]:not([data-id^="Form_"])');
    await fields.last().click({ position: { x: 4, y: 4 } });
    await page.locator('[data-testid=form-dialog] .form-editor-panel .bio-properties-panel-group').first().waitFor();
    for (const text of await collect()) texts.add(text);
  }
  return { texts: [...texts], types };
}

/**
 * Adds a select, a radio group and a checklist to the start form and, for each, opens every group
 * of its panel, adds a static option and opens it: returns every text, title, placeholder and
 * aria-label the panel shows (the options groups' own words: "Static options", "Label", "Value", …).
 */
async function optionsPanels(page: Page): Promise<string[]> {
  await select(page, 'StartEvent_1');
  await page.click('[data-action=form]');
  await page.locator('[data-testid=form-dialog] .fjs-palette-field').first().waitFor();
  const panel = page.locator('[data-testid=form-dialog] .form-editor-panel');
  const texts = new Set<string>();
  for (const type of ['select', 'radio', 'checklist']) {
    await page.focus(`[data-testid=form-dialog] .fjs-palette-field[data-field-type="${type}"]`);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=form-dialog] .fjs-editor-container .fjs-element[data-id]:not([data-id^="Form_"])').last().click({ position: { x: 4, y: 4 } });
    await panel.locator('[data-group-id="group-staticOptions"]').waitFor();
    await panel.locator('[data-group-id="group-staticOptions"] .bio-properties-panel-add-entry').click();
    // Opening a group re-renders the panel, so each round opens the first still-closed one.
    const closed = panel.locator('.bio-properties-panel-group-header:not(.open)');
    for (let round = 0; round < 20 && (await closed.count()) > 0; round++) await closed.first().click();
    const closedItem = panel.locator('[data-group-id="group-staticOptions"] .bio-properties-panel-collapsible-entry-header:not(.open)');
    for (let round = 0; round < 5 && (await closedItem.count()) > 0; round++) await closedItem.first().click();
    await panel.locator('[data-group-id="group-staticOptions"] .bio-properties-panel-collapsible-entry-entries').first().waitFor();
    const found = await panel.evaluate((root) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // What the analyst typed (inputs, FEEL editors) is theirs, not the editor's words.
        if (node instanceof Text) {
          if (node.data.trim() && !node.parentElement?.closest('[contenteditable], .cm-editor, textarea')) out.push(node.data.trim());
        } else {
          for (const name of ['title', 'placeholder', 'aria-label']) {
            const value = (node as Element).getAttribute(name)?.trim();
            if (value) out.push(value);
          }
        }
      }
      return out;
    });
    for (const text of found) texts.add(text);
  }
  return [...texts];
}

describe('designer: the form editor in Indonesian', function () {
  let server: RunningServer;
  let browser: Browser;

  before(async function () {
    server = await startServer();
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users: [analyst] });
    browser = await launchBrowser();
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('given English, when every component is added and selected, then each word of the palette and panel has an Indonesian translation', async function () {
    const page = await newPage(browser);
    await page.addInitScript(() => localStorage.setItem('alur.lang', 'en'));
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const { texts, types } = await everyComponent(page);
    expect(types.length).to.be.greaterThan(15);
    const { formEditorText } = await import('../../designer/src/i18n/form-editor-id.js');
    // Left out: the form's own id in the panel, and numbers and signs (a FEEL "=", a list's count).
    const untranslated = texts.filter((text) => formEditorText(text) === undefined && !/^[a-z0-9]+([_-][a-z0-9]+)+$/.test(text) && !/^[\d=]+$/.test(text));
    expect(untranslated).to.deep.equal([]);
    await page.close();
  });

  it('given Indonesian, when every component is added and selected, then no English word is left in the palette or panel', async function () {
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const { texts } = await everyComponent(page);
    const { formEditorId } = await import('../../designer/src/i18n/form-editor-id.js');
    const english = texts.filter((text) => text in formEditorId && formEditorId[text] !== text);
    expect(english).to.deep.equal([]);
    expect(texts).to.include.members(['Komponen', 'Isian teks', 'Umum', 'Validasi', 'Label isian', 'Wajib diisi']);
    // The components added carry Indonesian default labels in the schema, shown as they are.
    await page.locator('[data-testid=form-dialog] .fjs-form-field-label', { hasText: 'Isian teks' }).first().waitFor();
    await screenshot(page, 'designer-form-editor-id');
    await page.close();
  });

  it('given English, when the options of a select, a radio group and a checklist are edited, then each word of their panels has an Indonesian translation', async function () {
    const page = await newPage(browser);
    await page.addInitScript(() => localStorage.setItem('alur.lang', 'en'));
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const texts = await optionsPanels(page);
    expect(texts).to.include.members(['Static options', 'Label', 'Value', 'Options source']);
    const { formEditorText } = await import('../../designer/src/i18n/form-editor-id.js');
    // Left out: the form's own ids and keys, numbers and signs (a FEEL "=", a list's count).
    const untranslated = texts.filter((text) => formEditorText(text) === undefined && !/^[a-z0-9]+([_-][a-z0-9]+)+$/.test(text) && !/^[\d=]+$/.test(text) && !/^(select|radio|checklist)_\w+$/.test(text));
    expect(untranslated).to.deep.equal([]);
    await page.close();
  });

  it('given Indonesian, when the options of a select, a radio group and a checklist are edited, then their panels show no English', async function () {
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const texts = await optionsPanels(page);
    const { formEditorText } = await import('../../designer/src/i18n/form-editor-id.js');
    expect(texts.filter((text) => formEditorText(text) !== undefined && formEditorText(text) !== text)).to.deep.equal([]);
    expect(texts).to.include.members(['Pilihan tetap', 'Sumber pilihan', 'Label', 'Nilai']);
    // New options are labelled in Indonesian in the form itself (what staff will read), their values left as keys.
    const options = await page.locator('[data-testid=form-dialog] .fjs-editor-container .fjs-form-field-checklist label').allInnerTexts();
    expect(options).to.include.members(['Pilihan 1', 'Pilihan 2']);
    expect(options.filter((label) => /^Value/.test(label))).to.deep.equal([]);
    await screenshot(page, 'designer-form-editor-options-id');
    await page.close();
  });

  it('given a text field, when "Wajib diisi" is ticked, then the box shows a painted tick, not an empty box', async function () {
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    await select(page, 'StartEvent_1');
    await page.click('[data-action=form]');
    const palette = page.locator('[data-testid=form-dialog] .fjs-palette-field[data-field-type="textfield"]');
    await palette.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=form-dialog] .fjs-editor-container .fjs-element[data-id]:not([data-id^="Form_"])').last().click({ position: { x: 4, y: 4 } });
    const group = page.locator('[data-testid=form-dialog] .form-editor-panel .bio-properties-panel-group', { hasText: 'Validasi' });
    const header = group.locator('.bio-properties-panel-group-header');
    if (!((await header.getAttribute('class')) ?? '').includes('open')) await header.click();
    const box = group.locator('input[type=checkbox]').first();
    await box.waitFor();
    /** The box's colours as painted: the background behind the tick, and how many of its pixels differ from the unticked box. */
    const look = () => box.evaluate((node) => ({ checked: (node as HTMLInputElement).checked, background: getComputedStyle(node).backgroundColor, image: getComputedStyle(node).backgroundImage }));
    const before = await look();
    const blank = await box.screenshot();
    await box.check();
    const after = await look();
    expect(after.checked).to.equal(true);
    // The library draws a white tick on the primary colour; without that colour the tick is white on white.
    expect(after.background, JSON.stringify(after)).to.not.match(/rgba\(0, 0, 0, 0\)|rgb\(255, 255, 255\)/);
    expect(after.background).to.not.equal(before.background);
    expect(after.image).to.contain('svg');
    const ticked = await box.screenshot();
    expect(Buffer.compare(blank, ticked)).to.not.equal(0);
    await screenshot(page, 'designer-form-editor-required');
    await page.close();
  });
});
