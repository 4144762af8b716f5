/**
 * "Dokumen" in a task: the case's documents (GET /api/process-instances/{id}/documents) with who
 * added them and when and the form field they came with; a PDF or an image is previewed in the
 * page (a blob: URL in an <img> or <iframe>, allowed by the server's CSP: the bytes need the
 * bearer token, which a plain src cannot send), anything can be downloaded. Where the browser has no
 * in-page PDF viewer (navigator.pdfViewerEnabled false: Chrome on Android), a PDF's preview is a
 * download link instead of an empty frame. Owns this section's
 * DOM and the blob: URLs it made (revoked on close and when the view goes).
 */
import { fill, h } from './dom.js';
import { errorMessage } from './errors.js';
import { formatDateTime, t } from './i18n/index.js';
import { caseDocuments, documentBlob, formatSize, type CaseDocument } from './documents.js';
import { getCaseData, type CaseData } from './start-api.js';

const PREVIEWABLE = /^(application\/pdf|image\/(png|jpeg|gif|webp))$/;

export async function mountCaseDocuments(section: HTMLElement, instanceId: string): Promise<() => void> {
  const urls = new Set<string>();
  const release = () => { for (const url of urls) URL.revokeObjectURL(url); urls.clear(); };
  let docs: CaseDocument[];
  try {
    docs = await caseDocuments(instanceId);
  } catch {
    fill(section, h('h2', { id: 'documents-heading' }, t('docs.heading')), h('p', { class: 'muted' }, t('docs.unavailable')));
    return release;
  }
  const labels = await fieldLabels(instanceId);
  const preview = h('div', { class: 'document-preview', hidden: true, 'data-testid': 'document-preview' });
  const status = h('p', { class: 'document-status', role: 'status', 'aria-live': 'polite' });

  const blobUrl = async (doc: CaseDocument): Promise<string> => {
    const url = URL.createObjectURL(await documentBlob(doc.id));
    urls.add(url);
    return url;
  };

  const close = () => {
    fill(preview);
    preview.hidden = true;
    release();
  };

  const show = async (doc: CaseDocument, opener: HTMLElement): Promise<void> => {
    close();
    status.textContent = t('docs.loading', { name: doc.name });
    try {
      const url = await blobUrl(doc);
      const title = t('docs.previewOf', { name: doc.name });
      const pdf = doc.mediaType === 'application/pdf';
      const view = pdf && navigator.pdfViewerEnabled === false
        ? h('div', { class: 'document-fallback', 'data-testid': 'pdf-fallback' },
          h('p', {}, t('docs.noPdfViewer')),
          h('a', { href: url, download: doc.name, class: 'button primary' }, t('docs.downloadPdf', { name: doc.name })))
        : pdf
          ? h('iframe', { src: `${url}#view=FitH`, title, class: 'document-frame' })
          : h('img', { src: url, alt: title, class: 'document-image' });
      const closeButton = h('button', { type: 'button', class: 'button secondary', onclick: () => { close(); opener.focus(); } }, t('docs.close'));
      fill(preview, h('div', { class: 'document-preview-head' }, h('h3', {}, doc.name), closeButton), view);
      preview.hidden = false;
      status.textContent = '';
      closeButton.focus();
    } catch (error) {
      status.textContent = errorMessage(error);
    }
  };

  const download = async (doc: CaseDocument): Promise<void> => {
    status.textContent = t('docs.loading', { name: doc.name });
    try {
      const url = await blobUrl(doc);
      const link = h('a', { href: url, download: doc.name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      status.textContent = '';
      // The browser has taken the bytes once the click is handled; the URL is not needed after.
      setTimeout(() => { URL.revokeObjectURL(url); urls.delete(url); }, 60_000);
    } catch (error) {
      status.textContent = errorMessage(error);
    }
  };

  const item = (doc: CaseDocument): HTMLElement => {
    // A letter the document-render connector made names no person: say it came from the system.
    const who = doc.uploadedBy === 'document-render' ? t('docs.generated') : doc.attachedBy ? doc.attachedByName ?? doc.attachedBy : doc.uploadedByName ?? doc.uploadedBy;
    const field = doc.field ? labels.get(doc.field) ?? doc.field : null;
    const previewButton: HTMLButtonElement | null = PREVIEWABLE.test(doc.mediaType)
      ? h('button', { type: 'button', class: 'button secondary', 'data-action': 'preview', 'aria-label': `${t('docs.preview')} ${doc.name}`, onclick: () => void show(doc, previewButton!) }, t('docs.preview'))
      : null;
    return h('li', { class: 'document', 'data-document-id': doc.id },
      h('div', { class: 'document-info' },
        h('span', { class: 'document-name' }, doc.name),
        h('span', { class: 'document-meta' }, [kindOf(doc.mediaType), formatSize(doc.size), field ? t('docs.field', { field }) : null].filter(Boolean).join(' · ')),
        h('span', { class: 'document-meta' }, t('docs.by', { user: who, time: formatDateTime(doc.attachedAt ?? doc.uploadedAt) }))),
      h('div', { class: 'document-actions' },
        previewButton,
        h('button', { type: 'button', class: 'button secondary', 'data-action': 'download', 'aria-label': `${t('docs.download')} ${doc.name}`, onclick: () => void download(doc) }, t('docs.download'))));
  };

  fill(section,
    h('h2', { id: 'documents-heading' }, t('docs.heading')),
    docs.length ? h('ul', { class: 'documents' }, ...docs.map(item)) : h('p', { class: 'muted' }, t('docs.none')),
    status,
    preview);
  return release;
}

/** PDF, PNG, JPEG: what a clerk calls the kind. */
function kindOf(mediaType: string): string {
  if (mediaType.includes('wordprocessingml')) return 'DOCX';
  return (mediaType.split('/')[1] ?? mediaType).replace(/^vnd\..*\./, '').toUpperCase();
}

/** The labels of the case's form fields by key (start form and steps); keys when they cannot be read. */
async function fieldLabels(instanceId: string): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  let data: CaseData;
  try {
    data = await getCaseData(instanceId);
  } catch {
    return labels;
  }
  const walk = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const c of components as { key?: string; label?: string; components?: unknown }[]) {
      if (c.key && c.label) labels.set(c.key, c.label);
      walk(c.components);
    }
  };
  walk((data.start?.schema as { components?: unknown } | undefined)?.components);
  for (const step of data.steps) for (const f of step.fields) labels.set(f.key, f.label);
  return labels;
}
