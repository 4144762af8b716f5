/**
 * Calls behind the case's documents (API.md 1.1 "Documents"): uploading one file with progress
 * (XMLHttpRequest: fetch reports no upload progress), describing and listing documents, and
 * reading a document's bytes as a Blob for the preview and the download — the API asks for the
 * bearer token, which an <img src> or a plain link cannot send.
 */
import { ApiError, base, callHeaders, get, readProblem, sessionEnded, type Page, type Problem } from './api.js';
import { lang } from './i18n/index.js';

export interface CaseDocument {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  uploadedByName?: string | null;
  uploadedAt: string;
  processInstanceId: string | null;
  field: string | null;
  taskId: string | null;
  attachedBy: string | null;
  attachedByName?: string | null;
  attachedAt: string | null;
}

/** Sends `file` to POST /api/documents; `progress` gets the bytes sent so far and the total. */
export function uploadDocument(file: File, progress: (sent: number, total: number) => void): { done: Promise<CaseDocument>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<CaseDocument>((resolve, reject) => {
    xhr.open('POST', `${base}documents`);
    for (const [name, value] of Object.entries(callHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => progress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'network' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, title: 'aborted' }));
    xhr.onload = () => {
      sessionEnded(xhr.status);
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 201 && body) resolve(body as CaseDocument);
      else reject(new ApiError({ ...((body as Problem | undefined) ?? { title: xhr.statusText }), status: xhr.status }));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** Descriptions already read in this page, by id (names of a form's files, the case's list). */
const described = new Map<string, Promise<CaseDocument>>();

export function describeDocument(id: string): Promise<CaseDocument> {
  let found = described.get(id);
  if (!found) {
    found = get<CaseDocument>(`documents/${encodeURIComponent(id)}`);
    described.set(id, found);
    found.catch(() => described.delete(id));
  }
  return found;
}

export async function caseDocuments(instanceId: string): Promise<CaseDocument[]> {
  const page = await get<Page<CaseDocument>>(`process-instances/${encodeURIComponent(instanceId)}/documents`);
  for (const doc of page.items) described.set(doc.id, Promise.resolve(doc));
  return page.items;
}

/** The document's bytes (at most ALUR_MAX_DOCUMENT_MB, 10 MB by default). */
export async function documentBlob(id: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${base}documents/${encodeURIComponent(id)}/content?inline=true`, { headers: callHeaders() });
  } catch {
    throw new ApiError({ status: 0, title: 'network' });
  }
  sessionEnded(response.status);
  if (!response.ok) throw new ApiError(await readProblem(response));
  return response.blob();
}

/** 1536 → "1,5 KB" (in the user's language), for lists and fields. */
export function formatSize(bytes: number): string {
  const locale = lang() === 'id' ? 'id-ID' : 'en-GB';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
