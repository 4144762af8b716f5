/** The "Izin Usaha Mikro" process of the case-start specs: a start form, starters, a registration number format. */
import type { Api } from './harness.js';
import { bearer } from './harness.js';

const dir = new URL('./fixtures/', import.meta.url).pathname;
export const IZIN_BPMN = `${dir}izin-usaha.bpmn`;
export const IZIN_FORMS = [`${dir}form-izin-usaha.form`, `${dir}form-verifikasi-izin.form`];

/** Values that fit form-izin-usaha. */
export const IZIN_VALUES = { namaPemohon: 'Sri Wahyuni', nik: '3374012345670001', jenisUsaha: 'dagang', modal: 25_000_000 };

export async function deployIzin(api: Api, token: string) {
  let req = api.http.post('/api/deployments').set(bearer(token)).attach('files', IZIN_BPMN);
  for (const f of IZIN_FORMS) req = req.attach('files', f);
  const res = await req;
  if (res.status >= 300) throw new Error(`deploy failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
