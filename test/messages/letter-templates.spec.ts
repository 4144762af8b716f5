/**
 * A letter template's problems read in the reader's language (issue 17): at deployment (the
 * template is compiled) and when a letter is filled (the incident), each problem is catalog text
 * (catalog/templates.ts) in Bahasa Indonesia and English with its numbers and tag, not English
 * inside an Indonesian frame.
 */
import { expect } from 'chai';
import JSZipLike from 'pizzip';
import { checkTemplate, fillTemplate, issueText, openTemplate, TemplateProblem, DEFAULT_RENDER_LIMITS } from '../../engine/letters/render.js';
import { incidentText, render, text } from '../../engine/messages/index.js';
import { catalog } from '../../engine/messages/catalog/index.js';
import { templates } from '../../engine/messages/catalog/templates.js';
import { docx } from '../letters/docx.js';

async function problemOf(work: Promise<unknown>): Promise<TemplateProblem> {
  try {
    await work;
  } catch (err) {
    if (err instanceof TemplateProblem) return err;
    throw err;
  }
  throw new Error('expected a TemplateProblem');
}

/** The deployment's refusal of the template's first problem, in `lang`. */
const refusal = (p: TemplateProblem, lang: 'id' | 'en') => render(text('deploy.template-refused', { file: p.template, problem: issueText(p.issues[0]) }), lang);

describe('letter template problems in the reader\'s language', () => {
  it('every template text has both languages, and the Indonesian is not the English', () => {
    for (const key of Object.keys(templates)) {
      const entry = catalog[key];
      expect(entry.id, key).to.be.a('string').and.not.equal('');
      expect(entry.en, key).to.be.a('string').and.not.equal('');
      if (!['template.at-tag'].includes(key)) expect(entry.id, key).to.not.equal(entry.en);
    }
  });

  it('given a zip without word/document.xml, then "not a Word document" in id and en', async () => {
    const zip = new JSZipLike();
    zip.file('isi.txt', 'bukan surat');
    const p = await problemOf(openTemplate(Buffer.from(zip.generate({ type: 'uint8array' })), 'surat.docx'));
    expect(refusal(p, 'id')).to.equal('Templat surat surat.docx ditolak: bukan dokumen Word (tidak ada word/document.xml)');
    expect(refusal(p, 'en')).to.equal('Letter template surat.docx refused: not a Word document (no word/document.xml)');
  });

  it('given unclosed, unopened and mismatched tags, then each is named by its tag in id and en', async () => {
    const unclosed = await problemOf(checkTemplate(await openTemplate(docx(['Kepada {pemohon']), 'a.docx'), 'a.docx'));
    expect(refusal(unclosed, 'id')).to.match(/^Templat surat a\.docx ditolak: \{pemohon\}: tag yang diawali "\{?pemohon" tidak ditutup$/);
    expect(refusal(unclosed, 'en')).to.match(/^Letter template a\.docx refused: \{pemohon\}: the tag beginning with "\{?pemohon" is unclosed$/);
    const mismatch = await problemOf(checkTemplate(await openTemplate(docx(['{#lampiran}x', '{/pemohon}']), 'b.docx'), 'b.docx'));
    const ids = mismatch.issues.map((i) => render(issueText(i), 'id'));
    expect(ids.join('\n')).to.contain('tag "lampiran" ditutup oleh tag "pemohon"');
    expect(mismatch.issues.map((i) => render(issueText(i), 'en')).join('\n')).to.contain('the tag "lampiran" is closed by the tag "pemohon"');
    for (const i of mismatch.issues) expect(i.text.key, i.message).to.not.equal('template.other');
  });

  it('given a loop over too many items or too many tags, then the limit and the tag are named in id and en', async () => {
    const files = await openTemplate(docx(['{#lampiran}{.}{/lampiran}']), 'c.docx');
    const loop = await problemOf(fillTemplate(files, 'c.docx', { lampiran: ['a', 'b', 'c'] }, { ...DEFAULT_RENDER_LIMITS, maxLoopItems: 2 }));
    expect(render(loop.issues[0].text, 'id')).to.equal('{lampiran} berisi 3 butir; satu pengulangan paling banyak 2 kali');
    expect(render(loop.issues[0].text, 'en')).to.equal('{lampiran} has 3 items; a loop may repeat at most 2 times');
    const tags = await problemOf(fillTemplate(files, 'c.docx', { lampiran: ['a', 'b', 'c'] }, { ...DEFAULT_RENDER_LIMITS, maxTags: 2 }));
    expect(render(tags.issues[0].text, 'id')).to.equal('Templat mengevaluasi lebih dari 2 tag (pengulangan terlalu besar?)');
    expect(render(tags.issues[0].text, 'en')).to.equal('The template evaluates more than 2 tags (a loop too large?)');
  });

  it('given a fill past its time, then the time limit in id and en', async () => {
    const files = await openTemplate(docx(['{#lampiran}{.}{/lampiran}']), 'd.docx');
    const slow = await problemOf(fillTemplate(files, 'd.docx', { lampiran: ['a'] }, { ...DEFAULT_RENDER_LIMITS, timeoutMs: 1 }));
    expect(render(slow.issues[0].text, 'id')).to.equal('Pengisian berlangsung lebih dari 1 ms (pengulangan terlalu besar?)');
    expect(render(slow.issues[0].text, 'en')).to.equal('Filling took longer than 1 ms (a loop too large?)');
    // The memory limit's words, with its number.
    expect(render(text('template.fill-memory', { mb: 256 }), 'id')).to.equal('Pengisian memerlukan lebih dari 256 MB memori (pengulangan terlalu besar?)');
    expect(render(text('template.fill-memory', { mb: 256 }), 'en')).to.equal('Filling needed more than 256 MB (a loop too large?)');
  });

  it('given a document-render incident of a template, then it reads in id and en with the template, the tag and the numbers', () => {
    const params = { text: 'template', template: 'surat-izin.docx', problem: 'template.loop-too-long', tag: 'lampiran', count: 5000, max: 2000 };
    const message = 'document-render: template surat-izin.docx: {lampiran}: {lampiran} has 5000 items; a loop may repeat at most 2000 times';
    expect(render(incidentText('job', message, params), 'id')).to.equal('Templat surat surat-izin.docx tidak dapat diisi: {lampiran} berisi 5000 butir; satu pengulangan paling banyak 2000 kali');
    expect(render(incidentText('job', message, params), 'en')).to.equal('Letter template surat-izin.docx could not be filled: {lampiran} has 5000 items; a loop may repeat at most 2000 times');
    const timeout = { text: 'template', template: 'surat-izin.docx', problem: 'template.fill-timeout', ms: 20000 };
    expect(render(incidentText('job', 'x', timeout), 'id')).to.equal('Templat surat surat-izin.docx tidak dapat diisi: pengisian berlangsung lebih dari 20000 ms (pengulangan terlalu besar?)');
    expect(render(incidentText('job', 'x', timeout), 'en')).to.equal('Letter template surat-izin.docx could not be filled: filling took longer than 20000 ms (a loop too large?)');
  });
});
