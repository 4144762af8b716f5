/**
 * Small real .docx files for the letter specs and the Semarang pack's template: the parts Word and
 * LibreOffice need ([Content_Types].xml, _rels/.rels, word/document.xml), one paragraph per line
 * of text (docxtemplater tags such as {nomorSurat} and {#items}…{/items} inside), and zips built
 * to be hostile (a bomb whose inflated size the directory states or hides).
 */
import PizZip from 'pizzip';
import yazl from 'yazl';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph: `**text**` makes it bold (a heading), otherwise plain. */
function paragraph(line: string): string {
  const bold = /^\*\*(.*)\*\*$/.exec(line);
  const text = bold ? bold[1] : line;
  const run = `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
  return `<w:p>${bold ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}${run}</w:p>`;
}

export function documentXml(lines: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${lines.map(paragraph).join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr></w:body></w:document>`;
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A Word document with one paragraph per line. */
export function docx(lines: string[]): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', documentXml(lines));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The text of a .docx's paragraphs, one line each (what a reader would see). */
export function docxText(bytes: Buffer): string[] {
  const xml = new PizZip(bytes).file('word/document.xml')!.asText();
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** A .docx whose word/document.xml inflates to `bytes` (zeros compress about 1000:1). */
export function zipBomb(bytes: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(RELS), '_rels/.rels');
  zip.addBuffer(Buffer.alloc(bytes, 0x20), 'word/document.xml', { compress: true });
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (b: Buffer) => parts.push(b)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
  });
}

/**
 * A .docx whose headers lie about word/document.xml: `local-size` — its local header states
 * another uncompressed size than the central directory (readers that trust one or the other see
 * different files); `declared-smaller` — both headers state an uncompressed size 100 bytes smaller
 * than the data really inflates to. Built from docx() (pizzip writes sizes in the local header).
 */
export function lyingDocx(lines: string[], lie: 'local-size' | 'declared-smaller'): Buffer {
  const bytes = Buffer.from(docx(lines));
  const name = Buffer.from('word/document.xml');
  const central = findHeader(bytes, 0x02014b50, 46, 28, name);
  const local = bytes.readUInt32LE(central + 42);
  const real = bytes.readUInt32LE(central + 24);
  if (bytes.readUInt32LE(local + 22) !== real) throw new Error('fixture: pizzip wrote no size in the local header');
  if (lie === 'local-size') bytes.writeUInt32LE(real + 4096, local + 22);
  else for (const at of [central + 24, local + 22]) bytes.writeUInt32LE(real - 100, at);
  return bytes;
}

/** Offset of the header with `signature` whose file name (length at `lengthAt`, name at `nameAt`) is `name`. */
function findHeader(bytes: Buffer, signature: number, nameAt: number, lengthAt: number, name: Buffer): number {
  for (let at = bytes.length - 4; at >= 0; at--) {
    if (bytes.readUInt32LE(at) !== signature) continue;
    const length = bytes.readUInt16LE(at + lengthAt);
    if (bytes.subarray(at + nameAt, at + nameAt + length).equals(name)) return at;
  }
  throw new Error(`fixture: no header for ${name.toString()}`);
}
