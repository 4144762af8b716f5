/**
 * Libraries' own errors in both languages (engine/messages/zip-error.ts, regexp-error.ts): yauzl's
 * and zlib's words for a damaged zip and V8's for a bad regular expression are English only, and
 * they end up inside Indonesian sentences. The common ones are worded here; any other travels as
 * `technical.detail`, so an Indonesian reader still sees, in Indonesian, that the words after it
 * are the library's.
 */
import type { Catalog } from './types.js';

export const libraryErrors = {
  'technical.detail': { en: 'technical detail: {detail}', id: 'rincian teknis: {detail}', fragment: true },

  'zip-error.no-end': {
    en: 'no end of a zip found: not a zip, or the file is cut short',
    id: 'akhir zip tidak ditemukan: bukan zip, atau berkasnya terpotong',
    fragment: true,
  },
  'zip-error.central-entry': { en: 'an entry of the zip\'s table of contents is damaged', id: 'salah satu entri daftar isi zip rusak', fragment: true },
  'zip-error.local-header': { en: 'the header before a file\'s data is damaged', id: 'kepala data salah satu berkas rusak', fragment: true },
  'zip-error.zip64': { en: 'the zip64 record is damaged', id: 'catatan zip64 rusak', fragment: true },
  'zip-error.extra-field': { en: 'an entry\'s extra information is damaged', id: 'keterangan tambahan salah satu entri rusak', fragment: true },
  'zip-error.multi-disk': { en: 'a zip split over several parts is not supported', id: 'zip yang terbagi atas beberapa bagian tidak didukung', fragment: true },
  'zip-error.method': { en: 'the compression method is not supported', id: 'metode kompresinya tidak didukung', fragment: true },
  'zip-error.encrypted': { en: 'encryption is not supported', id: 'enkripsi tidak didukung', fragment: true },
  'zip-error.cut-short': { en: 'the data ends early: the file is cut short', id: 'datanya berakhir terlalu cepat: berkasnya terpotong', fragment: true },
  'zip-error.longer': { en: 'more data than the zip declares', id: 'datanya lebih banyak daripada yang dinyatakan zip', fragment: true },
  'zip-error.sizes-differ': { en: 'an entry\'s recorded sizes disagree', id: 'ukuran yang tercatat untuk salah satu entri tidak cocok', fragment: true },
  'zip-error.comment': { en: 'the zip\'s comment has a wrong length', id: 'panjang komentar zip tidak sesuai', fragment: true },
  'zip-error.compressed-data': { en: 'the compressed data is damaged', id: 'data terkompresinya rusak', fragment: true },
  'zip-error.checksum': { en: 'a file\'s CRC-32 checksum does not match its data', id: 'nilai pemeriksa CRC-32 salah satu berkas tidak cocok dengan datanya', fragment: true },
  'zip-error.entry-name': { en: 'an entry\'s name is not a safe path ({name})', id: 'nama salah satu entri bukan jalur yang aman ({name})', fragment: true },

  // V8's SyntaxError for `new RegExp(pattern)`: the pattern itself is left out (a form shows its own message, never the expression).
  'regexp-error.unterminated-group': { en: 'a group "(" is not closed with ")"', id: 'ada kelompok "(" yang tidak ditutup dengan ")"', fragment: true },
  'regexp-error.unmatched-paren': { en: 'a ")" closes no group', id: 'ada ")" tanpa "(" pembukanya', fragment: true },
  'regexp-error.unterminated-class': { en: 'a character class "[" is not closed with "]"', id: 'ada kelas karakter "[" yang tidak ditutup dengan "]"', fragment: true },
  'regexp-error.nothing-to-repeat': {
    en: 'a repetition (*, +, ? or {n}) follows nothing it can repeat',
    id: 'ada pengulangan (*, +, ? atau {n}) tanpa sesuatu yang dapat diulang',
    fragment: true,
  },
  'regexp-error.lone-brace': { en: 'a "{" or "}" stands alone (write \\{ for a brace)', id: 'ada "{" atau "}" yang berdiri sendiri (tulis \\{ untuk kurung kurawal)', fragment: true },
  'regexp-error.backslash-at-end': { en: 'the pattern ends with a lone "\\"', id: 'pola diakhiri "\\" yang berdiri sendiri', fragment: true },
  'regexp-error.quantifier-order': { en: 'in {n,m} the first number is greater than the second', id: 'pada {n,m} angka pertama lebih besar daripada angka kedua', fragment: true },
  'regexp-error.range-order': { en: 'a range in [...] runs backwards (such as z-a)', id: 'ada rentang dalam [...] yang terbalik (misalnya z-a)', fragment: true },
  'regexp-error.invalid-group': { en: 'a group starting "(?" is not one JavaScript knows', id: 'ada kelompok berawalan "(?" yang tidak dikenal JavaScript', fragment: true },
  'regexp-error.group-name': { en: 'a group\'s name is not valid or used twice', id: 'nama salah satu kelompok tidak sah atau dipakai dua kali', fragment: true },
  'regexp-error.escape': { en: 'an escape with "\\" is not valid', id: 'ada urutan dengan garis miring terbalik "\\" yang tidak sah', fragment: true },
  'regexp-error.too-large': { en: 'the pattern is too large', id: 'polanya terlalu besar', fragment: true },

  // saxes's errors for a BPMN file that is not well-formed XML (engine/messages/xml-error.ts).
  'xml-error.unclosed-tag': { en: 'the tag {name} is opened but never closed', id: 'tag {name} dibuka tetapi tidak pernah ditutup', fragment: true },
  'xml-error.unmatched-close': { en: 'the closing tag {name} closes no open tag', id: 'tag penutup {name} tidak menutup tag yang terbuka', fragment: true },
  'xml-error.duplicate-attribute': { en: 'the attribute {name} appears twice on one element', id: 'atribut {name} muncul dua kali pada satu elemen', fragment: true },
  'xml-error.unbound-prefix': { en: 'the prefix {name} has no namespace declared (xmlns:{name})', id: 'awalan {name} tidak memiliki namespace yang dinyatakan (xmlns:{name})', fragment: true },
  'xml-error.malformed-name': { en: 'the name {name} is not a valid XML name', id: 'nama {name} bukan nama XML yang sah', fragment: true },
  'xml-error.unexpected-end': { en: 'the file ends in the middle of the XML: it is cut short', id: 'berkas berakhir di tengah XML: berkasnya terpotong', fragment: true },
  'xml-error.unexpected-close': { en: 'a closing tag does not match the tag that is open (one was not closed, or closed twice)', id: 'ada tag penutup yang tidak sesuai dengan tag yang sedang terbuka (ada yang belum ditutup, atau ditutup dua kali)', fragment: true },
  'xml-error.text-outside-root': { en: 'there is text outside the document\'s root element', id: 'ada teks di luar elemen akar dokumen', fragment: true },
  'xml-error.several-roots': { en: 'the document has more than one root element', id: 'dokumen memiliki lebih dari satu elemen akar', fragment: true },
  'xml-error.no-root': { en: 'the document has no root element', id: 'dokumen tidak memiliki elemen akar', fragment: true },
  'xml-error.attribute-value': { en: 'an attribute has no value in quotes (write name="value")', id: 'ada atribut tanpa nilai di antara tanda kutip (tulis nama="nilai")', fragment: true },
  'xml-error.attribute-space': { en: 'two attributes are written without a space between them', id: 'ada dua atribut yang ditulis tanpa spasi di antaranya', fragment: true },
  'xml-error.disallowed-character': { en: 'a character is not allowed at this place', id: 'ada karakter yang tidak diizinkan di tempat ini', fragment: true },
  'xml-error.entity': { en: 'an entity such as &amp; is written wrongly (a lone & must be &amp;)', id: 'ada entitas seperti &amp; yang salah tulis (tanda & sendirian harus ditulis &amp;)', fragment: true },
  'xml-error.comment': { en: 'a comment <!-- … --> is written wrongly', id: 'ada komentar <!-- … --> yang salah tulis', fragment: true },
  'xml-error.declaration': { en: 'the XML declaration <?xml … ?> is wrong or not at the start', id: 'deklarasi XML <?xml … ?> keliru atau tidak berada di awal', fragment: true },
} satisfies Catalog;
