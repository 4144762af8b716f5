/**
 * A .form file's problems at deployment read in the language asked for: a file that is not JSON
 * (with line and column), a form without an id, and what validateFormSchema finds, each naming the
 * file; English without a preference.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';

forEachBackend('api: a .form file\'s problems in the caller\'s language', (backend) => {
  let api: Api;
  let analyst: string;

  before(async () => {
    api = await openApi(backend);
    const tenant = await makeTenant(api);
    analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
  });
  after(async () => { await api.close(); });

  const deploy = (content: string, lang?: string) => {
    const req = api.http.post('/api/deployments').set(bearer(analyst));
    if (lang) req.set('Accept-Language', lang);
    return req.attach('f', Buffer.from(content), 'cuti.form').expect(400);
  };

  it('a .form that is not JSON, or has no id, is refused naming the file, in Indonesian and in English', async () => {
    const notJson = '{\n  "type": "default"\n  "components": []\n}';
    expect((await deploy(notJson, 'id')).body.errors).to.deep.equal([{ element: 'cuti.form', message: 'cuti.form bukan JSON yang sah: seharusnya "," atau "}" pada baris 3, kolom 3' }]);
    expect((await deploy(notJson)).body.errors).to.deep.equal([{ element: 'cuti.form', message: 'cuti.form is not JSON: expected "," or "}" at line 3, column 3' }]);
    const noId = JSON.stringify({ type: 'default', components: [] });
    expect((await deploy(noId, 'id')).body.errors[0].message).to.equal('cuti.form tidak memiliki id formulir ("id" yang dirujuk formId pada zeebe:formDefinition)');
  });

  it('what the form check finds reads in Indonesian after the file\'s name', async () => {
    const form = JSON.stringify({ type: 'default', id: 'cuti', components: [
      { type: 'signature', id: 'Ttd', key: 'ttd' },
      { type: 'number', id: 'Lama', key: 'lama', validate: { min: 10, max: 2 } },
    ] });
    const id = (await deploy(form, 'id')).body.errors.map((e: { message: string }) => e.message);
    expect(id).to.have.members(['cuti.form: jenis isian formulir "signature" tidak didukung', 'cuti.form: validate.min 10 lebih besar daripada validate.max 2']);
    const en = (await deploy(form)).body.errors.map((e: { message: string }) => e.message);
    expect(en).to.have.members(['cuti.form: unsupported form field type "signature"', 'cuti.form: validate.min 10 is greater than validate.max 2']);
  });
});
