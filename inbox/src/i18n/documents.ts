/**
 * Words of the case's documents (berkas): the file field of a form (choose, upload with progress,
 * remove) and the "Dokumen" card of a task (list, preview, download), in both languages. Kept
 * beside id.ts/en.ts and merged by index.ts; en is checked against id by TypeScript.
 */
export const documentsId = {
  'file.choose': 'Pilih dokumen',
  'file.chooseMore': 'Tambah dokumen',
  'file.replace': 'Ganti dokumen',
  'file.none': 'Belum ada dokumen dipilih',
  'file.remove': 'Hapus {name} dari isian',
  'file.uploading': 'Mengunggah {name}… {percent}%',
  'file.uploaded': '{name} terunggah.',
  'file.failed': '{name} tidak dapat diunggah: {reason}',
  'file.waiting': 'Menunggu unggahan selesai…',
  'docs.heading': 'Dokumen',
  'docs.none': 'Belum ada dokumen pada berkas ini.',
  'docs.unavailable': 'Daftar dokumen tidak dapat ditampilkan.',
  'docs.by': 'Ditambahkan oleh {user}, {time}',
  'docs.generated': 'sistem (surat otomatis)',
  'docs.field': 'Isian: {field}',
  'docs.preview': 'Lihat',
  'docs.download': 'Unduh',
  'docs.close': 'Tutup pratinjau',
  'docs.previewOf': 'Pratinjau {name}',
  'docs.noPreview': 'Dokumen jenis ini tidak dapat dipratinjau; silakan unduh.',
  'docs.loading': 'Memuat {name}…',
  'docs.noPdfViewer': 'Peramban ini tidak dapat menampilkan PDF di dalam halaman (mis. Chrome di ponsel). Unduh untuk membukanya.',
  'docs.downloadPdf': 'Unduh {name}',
} as const;

export type DocumentsKey = keyof typeof documentsId;

export const documentsEn: Record<DocumentsKey, string> = {
  'file.choose': 'Choose a document',
  'file.chooseMore': 'Add documents',
  'file.replace': 'Replace the document',
  'file.none': 'No document chosen',
  'file.remove': 'Remove {name} from the field',
  'file.uploading': 'Uploading {name}… {percent}%',
  'file.uploaded': '{name} uploaded.',
  'file.failed': '{name} could not be uploaded: {reason}',
  'file.waiting': 'Waiting for the uploads to finish…',
  'docs.heading': 'Documents',
  'docs.none': 'This case has no documents yet.',
  'docs.unavailable': 'The documents cannot be listed.',
  'docs.by': 'Added by {user}, {time}',
  'docs.generated': 'the system (generated letter)',
  'docs.field': 'Field: {field}',
  'docs.preview': 'View',
  'docs.download': 'Download',
  'docs.close': 'Close the preview',
  'docs.previewOf': 'Preview of {name}',
  'docs.noPreview': 'This kind of document cannot be previewed; please download it.',
  'docs.loading': 'Loading {name}…',
  'docs.noPdfViewer': 'This browser cannot show a PDF inside the page (e.g. Chrome on a phone). Download it to open it.',
  'docs.downloadPdf': 'Download {name}',
};
