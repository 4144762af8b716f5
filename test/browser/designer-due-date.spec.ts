/**
 * A user task's due date in the designer: the picker and the working-days field beside the
 * due-date FEEL box read back what an opened diagram holds — a date alone, a date-time in UTC
 * shown as its day in WIB, a due date that is one add-working-days call, an alur:sla — and each
 * replaces the other's value when used, so the engine never has to choose between them. The
 * panel's help and FEEL switch speak Indonesian.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screenshot } from './support/index.js';
import { designerScene } from './support/designer-scene.js';
import { fillEntry, loginToDesigner, openGroup, select } from './support/designer-page.js';

const analyst = { username: 'analis.tenggat', password: 'Rahasia-analis-7', roles: ['analyst'], groups: ['loket'] };
const fixture = path.join(import.meta.dirname, 'fixtures', 'due-dates.bpmn');

describe('designer: a user task\'s due date, picked or in working days', function () {
  const scene = designerScene({ id: 'batang', name: 'Kabupaten Batang', users: [analyst] });
  /** The ISO day the picker holds (the visible input shows it day-first). */
  const picker = () => scene.page.locator('[data-entry-id="alur-due-date-picker"] input[type=hidden]');
  const shownDay = () => scene.page.locator('[data-entry-id="alur-due-date-picker"] input[data-date-shown]');
  const workingDays = () => scene.page.locator('[data-entry-id="alur-sla-task"] input');

  async function show(task: string): Promise<{ day: string; days: string }> {
    await select(scene.page, task);
    await openGroup(scene.page, 'assignmentDefinition');
    await shownDay().waitFor();
    return { day: await picker().inputValue(), days: await workingDays().inputValue() };
  }

  async function downloaded(): Promise<string> {
    const download = scene.page.waitForEvent('download');
    await scene.page.click('[data-action=download]');
    return readFileSync((await (await download).path())!, 'utf8');
  }

  it('given an opened diagram, when each task is selected, then the picker and the working-days field show its due date', async function () {
    const { server, page } = scene;
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    await page.setInputFiles('[data-testid=file-input]', fixture);
    await page.locator('.djs-element[data-element-id="Task_Sla"]').waitFor();
    expect(await show('Task_DateOnly')).to.deep.equal({ day: '2026-02-01', days: '' });
    // 20:00 UTC on the 30th is 03:00 WIB on the 31st.
    expect(await show('Task_Utc')).to.deep.equal({ day: '2026-12-31', days: '' });
    expect(await shownDay().inputValue()).to.equal('31/12/2026');
    expect(await show('Task_Feel')).to.deep.equal({ day: '', days: '3' });
    expect(await show('Task_Sla')).to.deep.equal({ day: '', days: '5' });
    const entries = await page.locator('[data-group-id="group-assignmentDefinition"] [data-entry-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-entry-id')));
    expect(entries.indexOf('alur-due-date-picker')).to.equal(entries.indexOf('taskScheduleDueDate') + 1);
    expect(entries.indexOf('alur-sla-task')).to.equal(entries.indexOf('taskScheduleDueDate') + 2);
    await screenshot(page, 'designer-due-date-working-days');
  });

  it('given those tasks, when a day is picked or working days are typed, then each replaces the other', async function () {
    const { page } = scene;
    await show('Task_Sla');
    await shownDay().fill('15/01/2027');
    await shownDay().press('Enter');
    await page.waitForFunction(() => (document.querySelector('[data-entry-id="alur-sla-task"] input') as HTMLInputElement)?.value === '');
    await show('Task_DateOnly');
    await fillEntry(page, 'alur-sla-task', '2');
    await page.waitForFunction(() => (document.querySelector('[data-entry-id="alur-due-date-picker"] input') as HTMLInputElement)?.value === '');
    await show('Task_Feel');
    await fillEntry(page, 'alur-sla-task', '4');
    const xml = await downloaded();
    const task = (id: string) => new RegExp(`<bpmn:userTask id="${id}"[\\s\\S]*?</bpmn:userTask>`).exec(xml)![0];
    expect(task('Task_Sla')).to.contain('dueDate="2027-01-15T16:00:00+07:00"').and.not.contain('alur:sla');
    expect(task('Task_DateOnly')).to.contain('<alur:sla workingDays="2" />').and.not.contain('dueDate');
    expect(task('Task_Feel')).to.contain('<alur:sla workingDays="4" />').and.not.contain('dueDate');
    expect(task('Task_Utc')).to.contain('dueDate="2026-12-30T20:00:00Z"');
  });

  it('given the assignment group, then its help tooltip and the FEEL switch read in Indonesian', async function () {
    const { page } = scene;
    await show('Task_Utc');
    expect(await page.locator('[data-entry-id="taskScheduleDueDate"] .bio-properties-panel-feel-icon').getAttribute('title'))
      .to.equal('Klik untuk memakai nilai dinamis dengan ekspresi FEEL');
    await page.locator('[data-group-id="group-assignmentDefinition"] .bio-properties-panel-group-header-title').hover();
    const tooltip = page.locator('.bio-properties-panel-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).to.match(/^Atur penugasan, jadwal dan prioritas tugas\..*Pelajari lebih lanjut\.$/s);
  });
});
