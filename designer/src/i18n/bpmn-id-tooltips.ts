/**
 * Indonesian for the properties panel's help tooltips (bpmn-js-properties-panel's Zeebe
 * TooltipProvider, shown when the pointer rests on a group title or a label). Keys are the
 * provider's English source strings exactly as passed to translate, trailing spaces included.
 * Some sentences are split around a code example (`(e.g. ` <code>…</code> `). `); each piece is
 * translated so the joined sentence reads in Indonesian.
 */
export const tooltipId: Record<string, string> = {
  'Learn more.': 'Pelajari lebih lanjut.',
  // groups of a user task, a flow and a service task
  'Learn how to define conditions.': 'Pelajari cara menulis kondisi.',
  'Define a boolean condition expression that determines when this sequence flow is taken. ':
    'Tulis ekspresi FEEL bernilai boolean yang menentukan kapan alur ini diambil. ',
  'Define the assignment, schedule, and priority of the user task. Assignee, candidate groups, and candidate users can be combined. Use due date and follow-up date to express deadlines and urgency. ':
    'Atur penugasan, jadwal dan prioritas tugas. Penerima, grup kandidat dan pengguna kandidat dapat digabung. Tenggat dan tanggal tindak lanjut menyatakan batas waktu dan urgensi. ',
  'Specifies the priority of a user task. Must be an integer between 0 and 100. If no value is provided, the default value is 50. ':
    'Prioritas tugas: bilangan bulat 0–100. Tanpa nilai, prioritasnya 50. ',
  'The number of times the engine tries executing this activity if a worker signals a failure. The default is three.':
    'Berapa kali mesin mencoba menjalankan aktivitas ini bila worker gagal. Bawaannya tiga.',
  // pieces around code examples
  ' or ': ' atau ',
  ') to identify the error. ': ') untuk mengenali galatnya. ',
  ') to match a specific error, or leave empty to catch any error. ': ') untuk menangkap galat tertentu, atau kosongkan untuk menangkap galat apa pun. ',
  'About conditional events.': 'Tentang event bersyarat.',
  // implementation
  'Evaluate a business rule, for example a DMN decision. To add a custom implementation, use a job worker. ':
    'Menilai aturan bisnis, misalnya keputusan DMN. Untuk implementasi sendiri, gunakan job worker. ',
  'Implement a script task using an inline FEEL expression. To add a custom implementation, use a job worker. ':
    'Menjalankan script task dengan ekspresi FEEL yang ditulis di sini. Untuk implementasi sendiri, gunakan job worker. ',
  'Implement a user task managed by Camunda. To add a custom implementation, use a job worker. ':
    'User task yang dikelola mesin alur kerja (tampil di kotak masuk). Untuk implementasi sendiri, gunakan job worker. ',
  'Define the FEEL expression to evaluate and the variable to store the result in. ':
    'Tulis ekspresi FEEL yang dihitung dan variabel tempat hasilnya disimpan. ',
  'Implement the ad-hoc subprocess as a job worker instead of activating inner elements. The job type determines which worker handles the subprocess execution. ':
    'Jalankan subproses ad-hoc oleh job worker alih-alih mengaktifkan elemen di dalamnya. Jenis job menentukan worker yang menanganinya. ',
  // forms
  'Link a form created with the Camunda Forms editor. Submitting this form will start a new process instance. ':
    'Tautkan formulir yang dibuat di editor formulir. Mengirim formulir ini memulai berkas baru. ',
  'Link a form created with the Camunda Forms editor. To associate a custom form, application, or URL to the user task, specify an external reference. ':
    'Tautkan formulir yang dibuat di editor formulir. Untuk memakai formulir, aplikasi atau URL lain, isi referensi eksternal. ',
  'Link or embed a form created with the Camunda Forms editor. To associate a custom form, application, or URL to the user task, specify a form key. ':
    'Tautkan atau tanamkan formulir yang dibuat di editor formulir. Untuk memakai formulir, aplikasi atau URL lain, isi kunci formulir. ',
  // decisions, messages, calls
  'Define the decision to evaluate and how to map back the evaluation result. ':
    'Tentukan keputusan yang dinilai dan cara hasilnya dipetakan kembali. ',
  'Configure the message that the task waits for. ': 'Atur pesan yang ditunggu tugas ini. ',
  'Configure the message that will start this process instance. ': 'Atur pesan yang memulai berkas baru dari proses ini. ',
  'Configure the message that this event waits for. ': 'Atur pesan yang ditunggu event ini. ',
  'Configure the message that will trigger this boundary event. ': 'Atur pesan yang memicu event tepi ini. ',
  'Define the ID of the process to call (e.g. ': 'Tulis ID proses yang dipanggil (mis. ',
  'Identifier computed from the process context that is used to correlate an incoming message (e.g. ':
    'Pengenal yang dihitung dari data berkas untuk mencocokkan pesan yang masuk (mis. ',
  'Control the business ID set on a child process. If left empty, no business ID will be set. ':
    'Atur ID bisnis yang diberikan pada proses anak. Bila kosong, tidak ada ID bisnis. ',
  'Control which variables from the called process are merged back into the parent scope. By default, all child variables are propagated; use output mappings to selectively return specific variables. ':
    'Atur variabel proses yang dipanggil mana yang dibawa kembali ke proses induk. Bawaannya semua variabel anak diteruskan; gunakan pemetaan keluaran untuk memilih sebagian saja. ',
  // job workers
  'Specify which job workers handle the task work to execute a service (e.g. ': 'Tentukan job worker yang mengerjakan layanan ini (mis. ',
  'Specify which job workers handle the task work to evaluate business rules. ': 'Tentukan job worker yang menilai aturan bisnis ini. ',
  'Specify which job workers handle the task work to execute a script. ': 'Tentukan job worker yang menjalankan skrip ini. ',
  'Specify which job workers handle the task work to send a message (e.g. ': 'Tentukan job worker yang mengirim pesan ini (mis. ',
  'Specify which job workers handle the event work. ': 'Tentukan job worker yang mengerjakan event ini. ',
  'Define static metadata passed to job workers alongside each job. Headers are not evaluated by the engine — use them for fixed worker configuration (e.g. ':
    'Data tetap yang dikirim ke job worker bersama setiap job. Header tidak dihitung oleh mesin — gunakan untuk pengaturan worker yang tetap (mis. ',
  'React to user task lifecycle events by executing a job worker. ': 'Jalankan job worker saat tugas dibuat, diberikan atau diselesaikan. ',
  'Add custom logic that reacts to various events in the workflow execution life-cycle. ':
    'Tambahkan logika sendiri yang dijalankan pada saat-saat tertentu selama proses berjalan. ',
  'Specifies the default priority for all jobs created by a process. Must be an integer. If no value is provided, the default value is 0. ':
    'Prioritas bawaan untuk semua job dari proses ini: bilangan bulat. Tanpa nilai, prioritasnya 0. ',
  'Specifies the priority of a job. Must be an integer. If no value is provided, the default value is 0. ':
    'Prioritas job ini: bilangan bulat. Tanpa nilai, prioritasnya 0. ',
  // multi-instance, errors, mappings
  'Execute this task for each element of a given collection. ': 'Jalankan tugas ini untuk setiap anggota sebuah daftar. ',
  'Define an input collection expression that defines the collection to iterate over (e.g. ': 'Tulis ekspresi daftar yang diulang (mis. ',
  'To collect the output define the output collection and the output element expressions. ':
    'Untuk mengumpulkan hasilnya, isi koleksi keluaran dan ekspresi elemen keluaran. ',
  'Define the error to throw. Specify an error code (e.g. ': 'Tentukan galat yang dilempar. Isi kode galat (mis. ',
  'Define the error to catch. Specify an error code (e.g. ': 'Tentukan galat yang ditangkap. Isi kode galat (mis. ',
  'Add input mappings to control what is passed to the activity as local variables. ':
    'Tambahkan pemetaan masukan untuk mengatur apa yang diberikan ke aktivitas ini sebagai variabel lokal. ',
  'Add output mappings to control which variables are merged back into the process scope. ':
    'Tambahkan pemetaan keluaran untuk mengatur variabel mana yang dibawa kembali ke berkas. ',
  // bindings and version tags
  'Uses the most recent deployed resource.': 'Memakai versi terakhir yang di-deploy.',
  'Uses the resource found in the same deployment.': 'Memakai versi yang di-deploy bersama diagram ini.',
  'Uses the most recent deployed resource with the given version tag.': 'Memakai versi terakhir yang di-deploy dengan tag versi yang diisi.',
  'Version tag by which this process can be referenced.': 'Tag versi untuk merujuk proses ini.',
  'Version tag by which the called process will be referenced.': 'Tag versi untuk merujuk proses yang dipanggil.',
  'Version tag by which the called decision will be referenced.': 'Tag versi untuk merujuk keputusan yang dipanggil.',
  'Version tag by which the linked form will be referenced.': 'Tag versi untuk merujuk formulir yang ditautkan.',
  // ad-hoc subprocesses, conditional events, extension properties
  'Define the completion behavior of an ad-hoc subprocess. If no completion condition is set, it will be completed after all active elements have been completed. ':
    'Atur kapan subproses ad-hoc selesai. Tanpa kondisi selesai, subproses selesai setelah semua elemen yang aktif selesai. ',
  'Define a collection of elements which will be activated when the ad-hoc subprocess is reached. ':
    'Tentukan daftar elemen yang diaktifkan ketika subproses ad-hoc dicapai. ',
  'Define how to collect the outputs of the ad-hoc subprocess. The output collection variable stores the list of results; the output element expression defines what each element contributes. ':
    'Atur cara mengumpulkan hasil subproses ad-hoc. Variabel koleksi keluaran menyimpan daftar hasil; ekspresi elemen keluaran menentukan sumbangan tiap elemen. ',
  'Specify the condition that triggers this event. ': 'Tentukan kondisi yang memicu event ini. ',
  'A FEEL expression that determines whether the event should trigger. ': 'Ekspresi FEEL yang menentukan apakah event ini terpicu. ',
  'Variable events that trigger the condition evaluation. If none selected, all variable events will trigger the condition evaluation. ':
    'Perubahan variabel yang membuat kondisi diperiksa lagi. Bila tidak ada yang dipilih, setiap perubahan variabel memeriksanya. ',
  'Add custom key-value metadata to this element. Extension properties have no effect on process execution — they can be used to attach configuration visible for other consumers of the BPMN diagram. ':
    'Tambahkan data kunci-nilai pada elemen ini. Properti tambahan tidak memengaruhi jalannya proses — gunanya menyimpan pengaturan bagi pembaca diagram BPMN yang lain. ',
  // the documentation links' titles (Camunda's documentation, in English)
  'User task documentation': 'Dokumentasi user task (bahasa Inggris)',
  'Conditions documentation': 'Dokumentasi kondisi (bahasa Inggris)',
  'Business rule task documentation': 'Dokumentasi business rule task (bahasa Inggris)',
  'Script task documentation': 'Dokumentasi script task (bahasa Inggris)',
  'Start event form documentation': 'Dokumentasi formulir event mulai (bahasa Inggris)',
  'User task form documentation': 'Dokumentasi formulir user task (bahasa Inggris)',
  'Called decision documentation': 'Dokumentasi keputusan yang dipanggil (bahasa Inggris)',
  'Receive task message documentation': 'Dokumentasi pesan receive task (bahasa Inggris)',
  'Message start event documentation': 'Dokumentasi event mulai pesan (bahasa Inggris)',
  'Message catch event documentation': 'Dokumentasi event penerima pesan (bahasa Inggris)',
  'Message boundary event documentation': 'Dokumentasi event tepi pesan (bahasa Inggris)',
  'Call activity documentation': 'Dokumentasi call activity (bahasa Inggris)',
  'Service task documentation': 'Dokumentasi service task (bahasa Inggris)',
  'Send task documentation': 'Dokumentasi send task (bahasa Inggris)',
  'Message throw event documentation': 'Dokumentasi event pengirim pesan (bahasa Inggris)',
  'Multi instance documentation': 'Dokumentasi multi-instans (bahasa Inggris)',
  'Error event documentation': 'Dokumentasi event galat (bahasa Inggris)',
  'Input mappings documentation': 'Dokumentasi pemetaan masukan (bahasa Inggris)',
  'Output mappings documentation': 'Dokumentasi pemetaan keluaran (bahasa Inggris)',
  'Business ID propagation documentation': 'Dokumentasi penerusan ID bisnis (bahasa Inggris)',
  'User task priority documentation': 'Dokumentasi prioritas user task (bahasa Inggris)',
  'Ad-hoc subprocess documentation': 'Dokumentasi subproses ad-hoc (bahasa Inggris)',
  'Subscription correlation key documentation': 'Dokumentasi kunci korelasi (bahasa Inggris)',
  'Conditional event documentation': 'Dokumentasi event bersyarat (bahasa Inggris)',
  'Task headers documentation': 'Dokumentasi header tugas (bahasa Inggris)',
  'Task listeners documentation': 'Dokumentasi listener tugas (bahasa Inggris)',
  'Execution listeners documentation': 'Dokumentasi listener eksekusi (bahasa Inggris)',
  'Job priority documentation': 'Dokumentasi prioritas job (bahasa Inggris)',
  // the FEEL switch beside a field's label (@bpmn-io/properties-panel builds these with a template literal)
  'Click to set a dynamic value with FEEL expression': 'Klik untuk memakai nilai dinamis dengan ekspresi FEEL',
  'Click to remove dynamic value with FEEL expression': 'Klik untuk berhenti memakai nilai dinamis FEEL',
  'FEEL expression is mandatory': 'Ekspresi FEEL wajib',
};
