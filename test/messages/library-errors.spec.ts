// Issue 17: a library's own words (yauzl/zlib for a zip, V8 for a regular expression, docxtemplater
// for a letter template) used to sit inside Indonesian sentences in English. The common ones read
// Indonesian now, with none of the library's English words; any other is framed as technical detail.
import { expect } from 'chai';
import yazl from 'yazl';
import { readPackZip } from '../../engine/packs/read-zip.js';
import { formatProblem, PackError, type PackProblem } from '../../engine/packs/problems.js';
import { validateFormSchema } from '../../engine/forms/validate-form-schema.js';
import { checkTemplate, openTemplate, TemplateProblem, issueText } from '../../engine/letters/render.js';
import { regexpErrorText, render, text, zipErrorText, type Text } from '../../engine/messages/index.js';
import { docx } from '../letters/docx.js';

// Words of a library message that may stay: names, not English (zip, CRC-32); a path (/etc/passwd) is the entry's name.
const KEPT = new Set(['zip', 'zip64', 'crc32', 'crc']);
function englishLeft(library: string, indonesian: string): string[] {
  const words = new Set(indonesian.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  return (library.replace(/\/\S*/g, '').toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? []).filter((w) => !KEPT.has(w) && words.has(w));
}

function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => { zip.outputStream.on('data', (c: Buffer) => chunks.push(c)); zip.outputStream.on('end', () => resolve(Buffer.concat(chunks))); });
}

async function problemsOf(work: () => Promise<unknown>): Promise<PackProblem[]> {
  try {
    await work();
  } catch (err) {
    if (err instanceof PackError) return err.problems;
    throw err;
  }
  throw new Error('expected a PackError');
}

describe('libraries\' errors in the reader\'s language', () => {
  it('words yauzl\'s and zlib\'s zip errors in Indonesian with none of their English words', () => {
    const samples = [
      'End of central directory record signature not found. Either not a zip file, or file is truncated.',
      'invalid central directory file header signature: 0x4034b50',
      'invalid local file header signature: 0x0',
      'invalid zip64 end of central directory record signature',
      'zip64 extended information extra field does not include compressed size',
      'multi-disk zip files are not supported: found disk number: 1',
      'unsupported compression method: 14',
      'strong encryption is not supported',
      'unexpected EOF',
      'unexpected end of file',
      'not enough bytes in the stream. expected 10. got only 3',
      'too many bytes in the stream. expected 3. got at least 10',
      'compressed/uncompressed size mismatch for stored file: 3 != 4',
      'Invalid comment length. Expected: 4. Found: 2',
      'incorrect header check',
      'invalid stored block lengths',
      'invalid distance too far back',
      'absolute path: /etc/passwd',
    ];
    for (const message of samples) {
      const words = zipErrorText(new Error(message));
      expect(words.key, message).to.not.equal('technical.detail');
      const id = render(words, 'id');
      expect(englishLeft(message, id), `${message} → ${id}`).to.deep.equal([]);
      expect(render(words, 'en')).to.not.equal(id);
    }
  });

  it('words V8\'s regular expression errors in Indonesian, without the pattern, and frames an unknown one', () => {
    const patterns = ['(', 'a)', '[a', '*a', '{1}', 'a{3,1}', '[z-a]', '(?<1a>x)', '(?<a>x)(?<a>y)', '(?a)'];
    for (const pattern of patterns) {
      let error: unknown;
      try { new RegExp(pattern); } catch (err) { error = err; }
      expect(error, pattern).to.be.instanceOf(SyntaxError);
      const words = regexpErrorText(error);
      expect(words.key, (error as Error).message).to.not.equal('technical.detail');
      const id = render(words, 'id');
      expect(englishLeft((error as Error).message, id), `${(error as Error).message} → ${id}`).to.deep.equal([]);
      expect(id).to.not.contain(`/${pattern}/`);
    }
    expect(render(regexpErrorText(new SyntaxError('Invalid regular expression: /x/: Something new')), 'id')).to.equal('Rincian teknis: /x/: Something new');
    expect(render(zipErrorText(new Error('something new went wrong')), 'id')).to.equal('Rincian teknis: something new went wrong');
  });

  it('says in Indonesian why a pack zip cannot be read, and frames what it does not know', async () => {
    const notZip = await problemsOf(() => readPackZip(Buffer.from('bukan zip sama sekali, hanya teks'), 'paket.zip'));
    expect(formatProblem(notZip[0], 'id')).to.equal('paket.zip: Bukan berkas zip yang dapat dibaca (akhir zip tidak ditemukan: bukan zip, atau berkasnya terpotong).');
    expect(formatProblem(notZip[0], 'en')).to.equal('paket.zip: Not a readable zip (no end of a zip found: not a zip, or the file is cut short).');
    // A central directory entry's signature overwritten: yauzl opens the zip, then fails on its first entry.
    const zip = await zipOf({ 'pack.json': '{}' });
    const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(0, central);
    const damaged = await problemsOf(() => readPackZip(zip, 'rusak.zip'));
    expect(formatProblem(damaged[0], 'id')).to.equal('rusak.zip: Zip ini rusak (salah satu entri daftar isi zip rusak).');
  });

  it('words a form\'s bad validate.pattern in Indonesian at deployment and pack import', () => {
    const problems = validateFormSchema({ type: 'default', id: 'f', components: [{ type: 'textfield', id: 'Nik', key: 'nik', validate: { pattern: '([0-9]{16}' } }] });
    expect(problems).to.have.length(1);
    expect(render(problems[0].text as Text, 'id')).to.equal('validate.pattern bukan ekspresi reguler yang sah: ada kelompok "(" yang tidak ditutup dengan ")"');
    expect(problems[0].message).to.equal('validate.pattern is not a valid regular expression: a group "(" is not closed with ")"');
  });

  it('words docxtemplater\'s raw tag outside its own paragraph in Indonesian, and frames its words Alur has no text for', async () => {
    const problemOf = async (lines: string[]): Promise<string[]> => {
      try {
        await checkTemplate(await openTemplate(docx(lines), 'surat.docx'), 'surat.docx');
      } catch (err) {
        if (err instanceof TemplateProblem) return err.issues.map((i) => render(issueText(i), 'id'));
        throw err;
      }
      return [];
    };
    expect(await problemOf(['Isi: {@isi}'])).to.deep.equal(['{isi}: tag mentah "isi" harus menjadi satu-satunya teks dalam paragrafnya']);
    expect(render(text('template.other', { detail: 'Some new error' }), 'id')).to.equal('Kesalahan templat (rincian teknis: Some new error)');
  });
});
