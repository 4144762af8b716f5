/**
 * Indonesian for the messages of the engine's deploy-time rules (engine/bpmn/rules), which the
 * designer shows as lint issues and deployment errors. Those messages read "type id: text" and
 * often carry ids or values, so they are matched by pattern; an unknown message stays English.
 */
const exact: Record<string, string> = {
  'a start event needs an outgoing sequence flow': 'event mulai memerlukan alur keluar',
  'an end event needs an incoming sequence flow': 'event selesai memerlukan alur masuk',
  'an end event cannot have outgoing sequence flows': 'event selesai tidak boleh memiliki alur keluar',
  'an intermediate catch event needs an incoming sequence flow': 'event tunggu memerlukan alur masuk',
  'an intermediate catch event needs an outgoing sequence flow': 'event tunggu memerlukan alur keluar',
  'a boundary event needs an outgoing sequence flow': 'event batas memerlukan alur keluar',
  'the process has no start event': 'proses belum memiliki event mulai',
  'the process has more than one none start event': 'proses memiliki lebih dari satu event mulai biasa',
  'the document has no executable process (isExecutable="true")': 'dokumen tidak memiliki proses yang dapat dijalankan (isExecutable="true")',
  'assignee is empty': 'penerima tugas kosong',
  'zeebe:taskDefinition has no type': 'zeebe:taskDefinition belum memiliki jenis (type)',
  'a default flow must not have a condition': 'alur bawaan tidak boleh memiliki kondisi',
  'message event has no message': 'event pesan belum memiliki pesan',
  'receive task has no message': 'tugas terima belum memiliki pesan',
  'signal event has no signal': 'event sinyal belum memiliki sinyal',
  'error end event needs an error with an errorCode': 'event selesai galat memerlukan galat dengan errorCode',
  'call activity names no process (zeebe:calledElement processId)': 'call activity belum menyebut proses (zeebe:calledElement processId)',
  'external form references are not supported; deploy a form-js form and use formId':
    'referensi formulir eksternal tidak didukung; deploy formulir form-js dan gunakan formId',
  'conditional events are not supported (as in Camunda 8); wait with a message or timer event, or decide with a gateway condition':
    'event kondisional tidak didukung (seperti di Camunda 8); tunggu dengan event pesan atau pewaktu, atau putuskan dengan kondisi gateway',
  'a time cycle on an intermediate catch event is not supported (as in Camunda 8): the event waits once; write a timeDuration or timeDate, or repeat with a non-interrupting boundary timer':
    'siklus waktu pada event tunggu tidak didukung (seperti di Camunda 8): event hanya menunggu sekali; tulis timeDuration atau timeDate, atau ulangi dengan pewaktu batas yang tidak menyela',
  'global tasks are not supported; a call activity calls a process (zeebe:calledElement)': 'global task tidak didukung; call activity memanggil proses (zeebe:calledElement)',
  'supports an interface (supportedInterfaceRef) but binds no operation to its data (ioBinding)':
    'mendukung antarmuka (supportedInterfaceRef) tetapi tidak mengikat operasi apa pun ke datanya (ioBinding)',
  'a sequence flow cannot connect an element to itself': 'alur urutan tidak boleh menyambung elemen ke dirinya sendiri',
  'boundary event is not attached to an activity': 'event batas tidak menempel pada aktivitas',
  'no sequence flow leads here, so it can never run': 'belum ada alur yang menuju ke sini, jadi tidak akan pernah berjalan',
  'has a start event but no end event': 'memiliki event mulai tetapi belum memiliki event selesai',
  'has an end event but no start event': 'memiliki event selesai tetapi belum memiliki event mulai',
};

const patterns: [RegExp, string][] = [
  // Starting a case (engine/bpmn/rules/starting.ts, engine/numbering/format.ts)
  [/^alur:starters names no group; write groups="(.*)" \(leave it out to let every user start\)$/, 'alur:starters belum menyebut grup; tulis groups="$1" (hapus bila semua pengguna boleh memulai)'],
  [/^alur:starters group "(.*)" is not a group name \(letters, digits, \. _ -\)$/, 'grup alur:starters "$1" bukan nama grup (huruf, angka, . _ -)'],
  [/^alur:starters groups must list group names, not an expression$/, 'alur:starters groups harus berisi nama grup, bukan ekspresi'],
  [/^has more than one alur:starters; list every group in one groups="…"$/, 'memiliki lebih dari satu alur:starters; tulis semua grup dalam satu groups="…"'],
  [/^has more than one alur:businessKey$/, 'memiliki lebih dari satu alur:businessKey'],
  [/^has more than one alur:sla$/, 'memiliki lebih dari satu alur:sla'],
  [/^alur:sla has no workingDays; write the number of working days, e\.g\. workingDays="5"$/, 'alur:sla belum menyebut workingDays; tulis jumlah hari kerja, mis. workingDays="5"'],
  [/^alur:sla workingDays must be a whole number of working days, not (.*)$/, 'alur:sla workingDays harus bilangan bulat hari kerja, bukan $1'],
  [/^alur:sla belongs on a user task or on the process$/, 'alur:sla ditulis pada tugas pengguna atau pada proses'],
  [/^has both alur:sla and a due date \(zeebe:taskSchedule dueDate\); the due date is used and the working days are not$/, 'memiliki alur:sla sekaligus tenggat (zeebe:taskSchedule dueDate); yang dipakai tenggatnya, bukan jumlah hari kerja'],
  [/^(alur:starters|alur:businessKey|alur:variables) belongs in the process's extension elements, not on an element$/, "$1 ditulis pada proses, bukan pada elemen"],
  // Strict variables (engine/bpmn/rules/variables.ts)
  [/^has more than one alur:variables; keep one$/, 'memiliki lebih dari satu alur:variables; sisakan satu'],
  [/^has no form, so with alur:variables strict="true" it is completed with no variables$/, 'tidak memiliki formulir, sehingga dengan alur:variables strict="true" tugas ini diselesaikan tanpa isian'],
  [/^the start form names no form \(zeebe:formDefinition formId\)$/, 'formulir permohonan belum menyebut formulir (zeebe:formDefinition formId)'],
  [/^a start form is used only on the process's none start event; this one is ignored$/, 'formulir permohonan hanya dipakai pada event mulai biasa milik proses; yang ini diabaikan'],
  [/^registration number format \(alur:businessKey format\): the format is empty; write e\.g\. (.*)$/, 'format nomor registrasi (alur:businessKey format) kosong; tulis mis. $1'],
  [/^registration number format \(alur:businessKey format\): the format has no \{seq:N\}: without a counter two numbers would be the same$/, 'format nomor registrasi (alur:businessKey format) tidak memiliki {seq:N}: tanpa nomor urut dua berkas bisa bernomor sama'],
  [/^registration number format \(alur:businessKey format\): the format has more than one \{seq\}$/, 'format nomor registrasi (alur:businessKey format) memiliki lebih dari satu {seq}'],
  [/^registration number format \(alur:businessKey format\): unknown placeholder (\{.*?\}); use (.*)$/, 'format nomor registrasi (alur:businessKey format): penanda $1 tidak dikenal; gunakan $2'],
  [/^registration number format \(alur:businessKey format\): (\{.*?\}): the number of digits must be 1 to (\d+)$/, 'format nomor registrasi (alur:businessKey format): $1: jumlah angka harus 1 sampai $2'],
  [/^registration number format \(alur:businessKey format\): (.*)$/, 'format nomor registrasi (alur:businessKey format): $1'],
  [/^outgoing flow of gateway (\S+) has no condition and is not the default flow$/, 'alur keluar dari gateway $1 belum memiliki kondisi dan bukan alur bawaan'],
  [/^(.+) has no zeebe:taskDefinition type \(the job type workers subscribe to\)$/, '$1 belum memiliki zeebe:taskDefinition type (jenis job yang diambil worker)'],
  [/^called process "(.*)" is neither in this file nor deployed$/, 'proses yang dipanggil "$1" tidak ada di berkas ini dan belum di-deploy'],
  [/^priority "(.*)" must be an integer from 0 to 100$/, 'prioritas "$1" harus bilangan bulat 0 sampai 100'],
  [/^retries "(.*)" is not a non-negative integer$/, 'jumlah percobaan "$1" harus bilangan bulat tidak negatif'],
  [/^(\S+) "(.*)" is not an ISO 8601 date-time$/, '$1 "$2" bukan tanggal-waktu ISO 8601'],
  [/^timer (\S+) is empty$/, 'pewaktu $1 kosong'],
  [/^default flow (\S+) does not leave this element$/, 'alur bawaan $1 tidak keluar dari elemen ini'],
  [/^startQuantity="(\d+)" is not supported; .*$/, 'startQuantity="$1" tidak didukung; aktivitas dimulai sekali untuk setiap token yang tiba: tunggu beberapa token dengan gateway paralel'],
  [/^completionQuantity="(\d+)" is not supported; .*$/, 'completionQuantity="$1" tidak didukung; aktivitas mengirim satu token ke setiap alur keluar: kirim beberapa token dengan gateway paralel'],
  [/^(.*)invalid FEEL at position (\d+): (.*)$/, '$1FEEL tidak sah pada posisi $2: $3'],
  [/^(.*)invalid FEEL: (.*)$/, '$1FEEL tidak sah: $2'],
];

/** The Indonesian form of an engine message, or undefined when it is not known. */
export function engineMessageId(message: string): string | undefined {
  const prefixed = /^([a-zA-Z]+ [^\s:]+: )(.*)$/s.exec(message);
  const [prefix, text] = prefixed ? [prefixed[1], prefixed[2]] : ['', message];
  if (exact[text]) return prefix + exact[text];
  for (const [pattern, replacement] of patterns) if (pattern.test(text)) return prefix + text.replace(pattern, replacement);
  return undefined;
}
