/**
 * Indonesian for the engine messages that are still plain English strings, not catalog texts
 * (engine/messages/catalog/bpmn.ts). A finding with a catalog text reaches the designer already in
 * the reader's language — the live lint renders it from the same catalog (run-engine-rules.js) and
 * the server writes it so — so nothing of the catalog is repeated here; each entry below goes once
 * its rule reports a catalog text (test/designer/engine-messages.spec.ts fails on a duplicate).
 * The messages read "type id: text" and often carry ids or values, so they are matched by pattern.
 */
const exact: Record<string, string> = {
  'the document has no executable process (isExecutable="true")':
    'dokumen tidak memiliki proses yang dapat dijalankan (isExecutable="true")',
  'supports an interface (supportedInterfaceRef) but binds no operation to its data (ioBinding)':
    'mendukung antarmuka (supportedInterfaceRef) tetapi tidak mengikat operasi apa pun ke datanya (ioBinding)',
};

const patterns: [RegExp, string][] = [
  [/^alur:sla has no workingDays; write the number of working days, e\.g\. workingDays="5"$/, 'alur:sla belum menyebut workingDays; tulis jumlah hari kerja, mis. workingDays="5"'],
  [/^alur:sla workingDays must be a whole number of working days, not (.*)$/, 'alur:sla workingDays harus bilangan bulat hari kerja, bukan $1'],
  [/^registration number format \(alur:businessKey format\): the format is empty; write e\.g\. (.*)$/, 'format nomor registrasi (alur:businessKey format) kosong; tulis mis. $1'],
  [/^registration number format \(alur:businessKey format\): the format has no \{seq:N\}: without a counter two numbers would be the same$/, 'format nomor registrasi (alur:businessKey format) tidak memiliki {seq:N}: tanpa nomor urut dua berkas bisa bernomor sama'],
  [/^registration number format \(alur:businessKey format\): the format has more than one \{seq\}$/, 'format nomor registrasi (alur:businessKey format) memiliki lebih dari satu {seq}'],
  [/^registration number format \(alur:businessKey format\): unknown placeholder (\{.*?\}); use (.*)$/, 'format nomor registrasi (alur:businessKey format): penanda $1 tidak dikenal; gunakan $2'],
  [/^registration number format \(alur:businessKey format\): (\{.*?\}): the number of digits must be 1 to (\d+)$/, 'format nomor registrasi (alur:businessKey format): $1: jumlah angka harus 1 sampai $2'],
  [/^registration number format \(alur:businessKey format\): (.*)$/, 'format nomor registrasi (alur:businessKey format): $1'],
  [/^(\S+) "(.*)" is not an ISO 8601 date-time$/, '$1 "$2" bukan tanggal-waktu ISO 8601'],
  [/^(.*)invalid FEEL at position (\d+): (.*)$/, '$1FEEL tidak sah pada posisi $2: $3'],
  [/^(.*)invalid FEEL: (.*)$/, '$1FEEL tidak sah: $2'],
];

/** The Indonesian form of an engine message, starting with a capital as catalog texts do, or undefined when it is not known. */
export function engineMessageId(message: string): string | undefined {
  const prefixed = /^([a-zA-Z]+ [^\s:]+: )(.*)$/s.exec(message);
  const [prefix, text] = prefixed ? [prefixed[1], prefixed[2]] : ['', message];
  // A plain word is capitalised; a name as written in the XML (alur:sla, startQuantity) is not.
  const capital = (found: string) => prefix + (/^[a-z]+[ ,]/.test(found) ? found.charAt(0).toUpperCase() + found.slice(1) : found);
  if (exact[text]) return capital(exact[text]);
  for (const [pattern, replacement] of patterns) if (pattern.test(text)) return capital(text.replace(pattern, replacement));
  return undefined;
}

/** The English messages this list translates, for the spec that keeps it free of catalog texts. */
export const handTranslated = { exact: Object.keys(exact), patterns: patterns.map(([pattern]) => pattern) };
