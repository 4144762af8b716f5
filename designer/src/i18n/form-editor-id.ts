/**
 * Indonesian for @bpmn-io/form-js's editor (palette, empty canvas, properties panel). form-js
 * writes these words itself, without a translate service, so views/form-editor-i18n.ts replaces
 * them in the editor's DOM. Keys are the editor's English texts exactly as shown;
 * test/browser/designer-form-editor.spec.ts adds every component (and edits a select's, radio
 * group's and checklist's options) and fails on any English text it finds left in the palette or
 * panel; test/designer/library-translations.spec.ts learns the editor's texts from its bundle and
 * fails on any without its Indonesian here.
 */
export const formEditorId: Record<string, string> = {
  // palette and empty canvas
  'Components': 'Komponen',
  'Search components': 'Cari komponen',
  'Clear content': 'Hapus isian',
  'No components found.': 'Tidak ada komponen.',
  'Input': 'Isian',
  'Selection': 'Pilihan',
  'Presentation': 'Tampilan',
  'Containers': 'Wadah',
  'Action': 'Tindakan',
  'Build your form': 'Susun formulir Anda',
  'Drag and drop components here to start designing.': 'Seret komponen ke sini untuk mulai menyusun.',
  'Drag and drop components here.': 'Seret komponen ke sini.',
  'Use the preview window to test your form.': 'Gunakan jendela pratinjau untuk mencoba formulir.',
  // component types
  'Text field': 'Isian teks',
  'Text area': 'Isian teks panjang',
  'Number': 'Angka',
  'Date time': 'Tanggal dan jam',
  'Date': 'Tanggal',
  'Time': 'Jam',
  'Checkbox': 'Kotak centang',
  'Checkbox group': 'Kelompok kotak centang',
  'Checklist': 'Daftar centang',
  'Radio group': 'Pilihan tunggal (radio)',
  'Radio': 'Pilihan tunggal (radio)',
  'Select': 'Daftar pilihan',
  'Tag list': 'Daftar tag',
  'Text view': 'Teks',
  'Text': 'Teks',
  'Image view': 'Gambar',
  'Image': 'Gambar',
  'Button': 'Tombol',
  'Group': 'Kelompok',
  'Dynamic list': 'Daftar berulang',
  'Table': 'Tabel',
  'HTML view': 'Tampilan HTML',
  'Html view': 'Tampilan HTML',
  'Spacer': 'Jarak',
  'Separator': 'Garis pemisah',
  'iFrame': 'iFrame',
  'Expression': 'Ekspresi',
  'Document preview': 'Pratinjau dokumen',
  'File picker': 'Pilih berkas',
  'Filepicker': 'Pilih berkas',
  'Form': 'Formulir',
  // properties panel: empty state and header
  'Select a form field to edit its properties.': 'Pilih sebuah isian formulir untuk mengubah propertinya.',
  'Multiple form fields are selected. Select a single form field to edit its properties.':
    'Beberapa isian terpilih. Pilih satu isian untuk mengubah propertinya.',
  'Remove form field': 'Hapus isian formulir',
  // properties panel: groups
  'General': 'Umum',
  'Condition': 'Kondisi',
  'Validation': 'Validasi',
  'Appearance': 'Tampilan',
  'Layout': 'Tata letak',
  'Serialization': 'Serialisasi',
  'Constraints': 'Batasan',
  'Options source': 'Sumber pilihan',
  // the options source select (form-js-viewer OPTIONS_SOURCES_LABELS) and the default value's empty choice
  'Static': 'Tetap',
  'Input data': 'Data masukan',
  '<none>': '<tidak ada>',
  'Static options': 'Pilihan tetap',
  'Dynamic options': 'Pilihan dinamis',
  'Options expression': 'Ekspresi pilihan',
  'Input values key': 'Kunci nilai masukan',
  'Custom properties': 'Properti tambahan',
  'Security attributes': 'Atribut keamanan',
  'Headers source': 'Sumber kepala kolom',
  'Header items': 'Kepala kolom',
  'Pagination': 'Halaman',
  'Content': 'Isi',
  'Repeatable': 'Berulang',
  // properties panel: entries
  'Field label': 'Label isian',
  'Group label': 'Label kelompok',
  'Table label': 'Label tabel',
  'Field description': 'Keterangan isian',
  'Label': 'Label',
  'Key': 'Kunci (nama variabel)',
  'Binds to a form variable': 'Terhubung ke variabel formulir',
  'Path': 'Jalur',
  'Where the child variables of this component are pathed to.': 'Tempat variabel di dalam komponen ini disimpan.',
  'Default value': 'Nilai bawaan',
  'Required': 'Wajib diisi',
  'Read only': 'Hanya baca',
  'Disabled': 'Nonaktif',
  'Deactivate if': 'Nonaktifkan bila',
  'Condition under which the field is deactivated': 'Kondisi ketika isian dinonaktifkan',
  'Hide if': 'Sembunyikan bila',
  'Condition under which the field is hidden': 'Kondisi ketika isian disembunyikan',
  'Validation pattern': 'Pola validasi',
  'Custom regular expression': 'Ekspresi reguler sendiri',
  'Custom error message': 'Pesan kesalahan sendiri',
  'The error message to display when the input does not match the regular expression.':
    'Pesan yang ditampilkan bila isian tidak cocok dengan ekspresi reguler.',
  'Custom': 'Sendiri',
  'Email': 'Email',
  'Phone': 'Telepon',
  'Minimum length': 'Panjang minimum',
  'Maximum length': 'Panjang maksimum',
  'Minimum': 'Minimum',
  'Maximum': 'Maksimum',
  'Decimal digits': 'Jumlah desimal',
  'Increment': 'Langkah',
  'Decrement': 'Kurangi',
  'Powered by bpmn.io': 'Powered by bpmn.io',
  'Output as string': 'Simpan sebagai teks',
  'Allows arbitrary precision values': 'Memungkinkan nilai dengan presisi berapa pun',
  'Prefix': 'Awalan',
  'Suffix': 'Akhiran',
  'Height': 'Tinggi',
  'Height of the container in pixels.': 'Tinggi wadah dalam piksel.',
  'Columns': 'Kolom',
  'Column': 'Kolom',
  'Auto': 'Otomatis',
  'Show outline': 'Tampilkan garis tepi',
  'Vertical alignment': 'Perataan tegak',
  'Top': 'Atas',
  'Center': 'Tengah',
  'Bottom': 'Bawah',
  'Subtype': 'Subjenis',
  'Date label': 'Label tanggal',
  'Time label': 'Label jam',
  'Use 24h': 'Format 24 jam',
  'Time format': 'Format jam',
  'Time interval': 'Selang waktu',
  'Disallow past dates': 'Tolak tanggal yang sudah lewat',
  'Searchable': 'Bisa dicari',
  'Checked': 'Dicentang',
  'Not checked': 'Tidak dicentang',
  'Value': 'Nilai',
  'Type': 'Jenis',
  'Submit': 'Kirim',
  'Reset': 'Atur ulang',
  'Alternative text': 'Teks alternatif',
  'Descriptive text for screen reader accessibility.': 'Teks penjelas untuk pembaca layar.',
  'Image source': 'Sumber gambar',
  'Expression or static value (link/data URI)': 'Ekspresi atau nilai tetap (tautan/data URI)',
  'Data source': 'Sumber data',
  'Specify the source from which to populate the table': 'Tentukan sumber data untuk mengisi tabel',
  'Specify an expression to populate column items': 'Tentukan ekspresi untuk mengisi kolom',
  'Number of rows per page': 'Jumlah baris per halaman',
  'Allow add/delete items': 'Boleh menambah/menghapus butir',
  'Default number of items': 'Jumlah butir awal',
  'Disable collapse': 'Jangan bisa dilipat',
  'Number of non-collapsing items': 'Jumlah butir yang tidak dilipat',
  'Define an expression to populate the options from.': 'Tentukan ekspresi untuk mengisi pilihan.',
  'Define which input property to populate the values from': 'Tentukan properti masukan yang mengisi nilai',
  'Define an expression to calculate the value of this field': 'Tentukan ekspresi untuk menghitung nilai isian ini',
  'Compute on': 'Hitung saat',
  'Value changes': 'Nilai berubah',
  'Form submission': 'Formulir dikirim',
  'Supported file formats': 'Format berkas yang diterima',
  'Upload multiple files': 'Boleh mengunggah beberapa berkas',
  'URL': 'URL',
  'Target value': 'Nilai sasaran',
  'Document reference': 'Rujukan dokumen',
  'Max height of preview container': 'Tinggi maksimum pratinjau',
  'List of items': 'Daftar butir',
  'Version tag': 'Label versi',
  'Version tag by which this form can be referenced.': 'Label versi untuk merujuk formulir ini.',
  'ID': 'ID',
  'Learn more': 'Pelajari lebih lanjut',
  'Opened in popup': 'Dibuka di jendela',
  // properties panel: controls (@bpmn-io/properties-panel inside form-js)
  'Toggle section': 'Buka/tutup bagian',
  'Section contains an error': 'Bagian ini berisi kesalahan',
  'Section contains edits': 'Bagian ini sudah diubah',
  'Create new list item': 'Tambah butir baru',
  'Create': 'Tambah',
  'Toggle list item': 'Buka/tutup butir',
  'Delete item': 'Hapus butir',
  '<empty>': '<kosong>',
  'Open pop-up editor': 'Buka editor jendela',
  'Opened in editor': 'Dibuka di editor',
  'FEEL expression is mandatory': 'Ekspresi FEEL wajib',
  'Click to set a dynamic value with FEEL expression': 'Klik untuk memakai nilai dinamis dengan ekspresi FEEL',
  'Click to remove dynamic value with FEEL expression': 'Klik untuk berhenti memakai nilai dinamis FEEL',
  'A comma-separated list of': 'Daftar dipisah koma berisi',
  'file type specifiers': 'penanda jenis berkas',
  'Supports markdown and templating.': 'Mendukung markdown dan templat.',
  'Supports HTML, styling, and templating. Styles are automatically scoped to the HTML component.':
    'Mendukung HTML, gaya, dan templat. Gaya hanya berlaku di dalam komponen HTML ini.',
  'Name': 'Nama',
  'Title': 'Judul',
  'The document data source is required.': 'Sumber data dokumen wajib diisi.',
  'These options can incur security risks, especially if used in combination with dynamic links. Ensure that you are aware of them, that you trust the source url and only enable what your use case requires.':
    'Pilihan ini dapat menimbulkan risiko keamanan, terutama bila dipakai bersama tautan dinamis. Pastikan Anda memahaminya, memercayai URL sumbernya, dan hanya mengaktifkan yang benar-benar diperlukan.',
  'Script execution': 'Menjalankan skrip',
  'Allow same origin': 'Izinkan asal yang sama',
  'Open in fullscreen': 'Buka layar penuh',
  'Geolocation': 'Lokasi geografis',
  'Camera access': 'Akses kamera',
  'Microphone access': 'Akses mikrofon',
  'Forms submission': 'Pengiriman formulir',
  'Open modal windows': 'Buka jendela modal',
  'Open popups': 'Buka jendela sembul',
  'Top level navigation': 'Navigasi tingkat atas',
  'Storage access by user': 'Akses penyimpanan oleh pengguna',
  // properties panel: tooltips (shown on a label's hover; some with a link to documentation)
  'Disable this field when it should not be interactive for end-users. Its data will not be submitted. This setting takes precedence over read-only.':
    'Nonaktifkan isian ini bila pengguna tidak boleh mengisinya. Datanya tidak ikut dikirim. Pengaturan ini mengalahkan "Hanya baca".',
  'Make this field read-only when it cannot be edited by the end-user, but its content is important for them to see. Its data will still be submitted.':
    'Jadikan isian ini hanya baca bila pengguna tidak boleh mengubahnya tetapi perlu melihat isinya. Datanya tetap ikut dikirim.',
  'Use a unique "key" to link the form element and the related input/output data. When dealing with nested data, break it down in the user task\'s input mapping before using it.':
    'Pakai "kunci" yang unik untuk menghubungkan isian formulir dengan datanya. Data bertingkat dipecah dulu di pemetaan masukan tugas sebelum dipakai.',
  'Enter a HTTPS URL to a source or populate it dynamically via a template or an expression (e.g., to pass a value from the variable).':
    'Isi URL HTTPS sebuah sumber, atau isi secara dinamis dengan templat atau ekspresi (misalnya untuk memakai nilai sebuah variabel).',
  'Please make sure that the URL is safe as it might impose security risks.': 'Pastikan URL itu aman, karena dapat menimbulkan risiko keamanan.',
  'Not all external sources can be displayed in the iFrame. Read more about it in the': 'Tidak semua sumber luar dapat ditampilkan di iFrame. Baca selengkapnya di',
  'X-FRAME-OPTIONS documentation': 'dokumentasi X-FRAME-OPTIONS',
  'Allow the iframe to access more functionality of your browser, details regarding the various options can be found in the':
    'Izinkan iframe memakai lebih banyak fungsi peramban; penjelasan tiap pilihan ada di',
  'MDN iFrame documentation.': 'dokumentasi iFrame MDN.',
  'For security reasons the URL must start with "https".': 'Demi keamanan, URL harus diawali "https".',
  'Link referring to a hosted image, or use a data URI directly to embed image data into the form.':
    'Tautan ke gambar yang disimpan di tempat lain, atau data URI untuk menyematkan gambar langsung ke formulir.',
  'Enter a form input variable that contains the data for the table or define an expression to populate the data dynamically.':
    'Isi variabel masukan formulir yang berisi data tabel, atau tentukan ekspresi untuk mengisi datanya secara dinamis.',
  'A source is a JSON object containing metadata for a document or an array of documents.': 'Sumber adalah objek JSON berisi metadata sebuah dokumen, atau larik beberapa dokumen.',
  'Each entry must include a document ID, name, and MIME type.': 'Setiap butir wajib memuat ID dokumen, nama, dan jenis MIME.',
  'Additional details are optional. The expected format is as follows:': 'Keterangan lain boleh ada. Bentuk yang diharapkan sebagai berikut:',
  'When using Camunda Tasklist UI, additional document reference attributes are automatically handled. Modifying the document reference may affect the document preview functionality.':
    'Di Camunda Tasklist, atribut rujukan dokumen tambahan ditangani otomatis. Mengubah rujukan dokumen dapat mengganggu pratinjau dokumen.',
  'Add properties directly to the form schema, useful to configure functionality in custom-built task applications and form renderers.':
    'Tambahkan properti langsung ke skema formulir, berguna untuk mengatur fungsi di aplikasi tugas atau penampil formulir buatan sendiri.',
  'The built-in phone validation pattern is based on the E.164 standard with no spaces. Ex: +491234567890':
    'Pola bawaan untuk nomor telepon mengikuti standar E.164 tanpa spasi. Contoh: +6281234567890',
  'The expression may result in an array of simple values or alternatively follow this schema:': 'Ekspresi boleh menghasilkan larik nilai sederhana, atau mengikuti skema berikut:',
  'The input property may be an array of simple values or alternatively follow this schema:': 'Properti masukan boleh berupa larik nilai sederhana, atau mengikuti skema berikut:',
  '"Static" defines a constant, predefined set of form options.\n\n"Input data" defines options that are populated dynamically, adjusting based on variable data for flexible responses to different conditions or inputs.\n\n"Expression" defines options that are populated from a FEEL expression.':
    '"Tetap": pilihan yang sudah ditentukan dan tidak berubah.\n\n"Data masukan": pilihan diisi secara dinamis dari data variabel, menyesuaikan dengan keadaan atau masukan.\n\n"Ekspresi": pilihan diisi dari sebuah ekspresi FEEL.',
  'Learn more in our': 'Selengkapnya di',
  'documentation': 'dokumentasi',
  // validation of entries
  'Must not be empty.': 'Tidak boleh kosong.',
  'Must not be empty': 'Tidak boleh kosong',
  'Must be unique.': 'Harus unik.',
  'Must not contain spaces.': 'Tidak boleh mengandung spasi.',
  'Must be a variable or a dot separated path.': 'Harus nama variabel atau jalur yang dipisah titik.',
  'Must not contain numerical path segments.': 'Jalur tidak boleh berisi bagian berupa angka.',
  'Must not be a prohibited path.': 'Jalur ini tidak boleh dipakai.',
  'Must not cause two binding paths to collide': 'Tidak boleh membuat dua jalur bertabrakan',
  'Should be a valid number.': 'Harus angka yang sah.',
  'Should be a valid number': 'Harus angka yang sah',
  'Should be an integer.': 'Harus bilangan bulat.',
  'Should be greater than zero.': 'Harus lebih dari nol.',
  'Should be greater than or equal to zero.': 'Harus nol atau lebih.',
  'A number is required.': 'Angka wajib diisi.',
  'Value must be a number.': 'Nilai harus angka.',
  'Must be number': 'Harus angka',
  'Must not contain prefix.': 'Tidak boleh memakai awalan.',
  'Must be a valid QName.': 'Harus nama yang sah (QName).',
};

/**
 * The label form-js gives a new option ("Value", "Value 2", …) in Indonesian: "Pilihan 1",
 * "Pilihan 2". Undefined for any other label (the analyst's own).
 */
export function optionLabel(label: string): string | undefined {
  const match = /^Value(?: (\d+))?$/.exec(label);
  return match ? `Pilihan ${match[1] ?? 1}` : undefined;
}

/** Texts form-js builds with a count, matched by pattern. */
const patterns: [RegExp, (...groups: string[]) => string][] = [
  // a new option's label, as the options list's item header shows it
  [/^Value (\d+)$/, (n) => `Pilihan ${n}`],
  [/^List contains (\d+) items?$/, (n) => `Daftar berisi ${n} butir`],
  // the palette's tooltips: "Create a Text field element"
  [/^Create an? (.+) element$/, (label) => `Tambahkan ${(formEditorId[label] ?? label).toLowerCase()}`],
  // the canvas: a component's remove button and an empty expression or HTML view
  [/^Remove (.+)$/, (label) => `Hapus ${(formEditorId[label] ?? label).toLowerCase()}`],
  [/^(Expression|Html view) is empty$/, (label) => `${formEditorId[label] ?? label} masih kosong`],
];

export function formEditorText(text: string): string | undefined {
  const exact = formEditorId[text];
  if (exact !== undefined) return exact;
  for (const [pattern, render] of patterns) {
    const match = pattern.exec(text);
    if (match) return render(...match.slice(1));
  }
  return undefined;
}
