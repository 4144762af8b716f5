/**
 * Why a BPMN document could not be read at all (engine/bpmn/read-xml.ts, decode.ts, moddle.ts)
 * or compiled as a whole (compile.ts, validate.ts). These stand alone, not after an element, and
 * start in lower case in English as the reader always wrote them (logs, specs); `render` gives the
 * reader a capital. Words that come from the XML parser itself travel as {detail}, as given.
 */
import type { Catalog } from './types.js';

export const bpmnReader = {
  'xml.too-large': { en: 'document too large: {size} bytes, the limit is {max} bytes', id: 'dokumen terlalu besar: {size} bita, batasnya {max} bita', fragment: true },
  'xml.doctype': {
    en: 'DOCTYPE is not allowed in BPMN documents (entities are never expanded) at line {line}, column {column}',
    id: 'DOCTYPE tidak diizinkan dalam dokumen BPMN (entitas tidak pernah diuraikan), pada baris {line}, kolom {column}',
    fragment: true,
  },
  'xml.at': { en: '{problem} at line {line}, column {column}', id: '{problem} pada baris {line}, kolom {column}', fragment: true },
  'xml.not-well-formed': { en: 'XML not well-formed: {detail}', id: 'susunan XML tidak benar: {detail}', fragment: true },
  'xml.too-many-attributes': { en: 'resource limit: more than {max} attributes on one element', id: 'batas sumber daya: lebih dari {max} atribut pada satu elemen', fragment: true },
  'xml.too-deep': { en: 'resource limit: elements nested more than {max} levels deep', id: 'batas sumber daya: elemen bersarang lebih dari {max} tingkat', fragment: true },
  'xml.single-child': { en: 'an element may have only one of {children} (line {line})', id: 'satu elemen hanya boleh memiliki salah satu dari {children} (baris {line})', fragment: true },
  'xml.wrong-root': {
    en: 'not a BPMN 2.0 document: the root element is {found}, expected {expected}',
    id: 'bukan dokumen BPMN 2.0: elemen akarnya {found}, seharusnya {expected}',
    fragment: true,
  },
  'xml.no-root': { en: 'not a BPMN 2.0 document: no root element', id: 'bukan dokumen BPMN 2.0: tidak ada elemen akar', fragment: true },
  'xml.not-bpmn': { en: 'not a BPMN 2.0 document: {detail}', id: 'bukan dokumen BPMN 2.0: {detail}', fragment: true },
  'xml.duplicate-id': { en: 'duplicate id "{id}" (ids must be unique in the document)', id: 'id "{id}" dipakai lebih dari sekali (setiap id dalam dokumen harus unik)', fragment: true },
  'xml.utf16': { en: 'UTF-16 documents are not supported; save the file as UTF-8', id: 'dokumen UTF-16 tidak didukung; simpan berkas dalam UTF-8', fragment: true },
  'xml.unknown-encoding': {
    en: 'unsupported document encoding "{encoding}" (use UTF-8, ISO-8859-1, windows-1252 or US-ASCII)',
    id: 'pengodean dokumen "{encoding}" tidak didukung (gunakan UTF-8, ISO-8859-1, windows-1252 atau US-ASCII)',
    fragment: true,
  },
  'xml.bad-utf8': {
    en: 'invalid UTF-8 byte 0x{byte} at line {line}, column {column} (the document declares UTF-8)',
    id: 'bita 0x{byte} pada baris {line}, kolom {column} bukan UTF-8 yang sah (dokumen menyatakan dirinya UTF-8)',
    fragment: true,
  },
  'xml.cannot-decode': { en: 'cannot decode the document as {encoding}: {detail}', id: 'dokumen tidak dapat dibaca sebagai {encoding}: {detail}', fragment: true },

  // moddle.ts: references between elements
  'bpmn.reference-missing': { en: '{owner} {holder}: {property} refers to "{target}", which does not exist', id: '{owner} {holder}: {property} merujuk "{target}", yang tidak ada', fragment: true },
  'bpmn.reference-type': {
    en: '{owner} {holder}: {property} refers to "{target}", a {found}, but must refer to a {expected}',
    id: '{owner} {holder}: {property} merujuk "{target}" ({found}), padahal harus merujuk {expected}',
    fragment: true,
  },
  // compile.ts, validate.ts
  'bpmn.unknown-element': { en: 'unknown element <{tag}> is not allowed here', id: 'elemen <{tag}> tidak dikenal dan tidak diizinkan di sini', fragment: true },
  'bpmn.no-executable-process': {
    en: 'the document has no executable process (isExecutable="true")',
    id: 'dokumen tidak memiliki proses yang dapat dijalankan (isExecutable="true")',
    fragment: true,
  },
  'bpmn.no-process': { en: 'the document has no process', id: 'dokumen tidak memiliki proses', fragment: true },
  'bpmn.rule-failed': { en: 'rule {rule} could not check the document: {detail}', id: 'aturan {rule} tidak dapat memeriksa dokumen: {detail}', fragment: true },
} satisfies Catalog;
