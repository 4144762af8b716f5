import { expect } from 'chai';
import { compileFormValidator, InvalidFormError, validateFormSchema, type FormComponent, type FormSchema } from '../../engine/forms/index.js';
import { loadForm } from './fixtures.js';
import { render } from '../../engine/messages/index.js';

function form(...components: unknown[]): FormSchema {
  return { type: 'default', id: 'Form_test', schemaVersion: 17, components: components as FormComponent[] };
}

/** The problems as element and English message (each also carries its catalog text). */
function plain(schema: unknown): { element: string; message: string }[] {
  return validateFormSchema(schema).map(({ element, message }) => ({ element, message }));
}

function messagesFor(schema: unknown, element: string): string[] {
  return validateFormSchema(schema).filter((p) => p.element === element).map((p) => p.message);
}

describe('forms: validateFormSchema (deployment check)', () => {
  describe('forms drawn in Camunda Modeler', () => {
    for (const name of ['permohonan-izin', 'verifikasi-berkas', 'daftar-anggota']) {
      it(`accepts ${name}.form`, () => {
        // given a form as the Modeler saves it; when checked; then nothing is wrong
        expect(validateFormSchema(loadForm(name))).to.deep.equal([]);
      });
    }
  });

  describe('script-like content', () => {
    it('refuses every dangerous component of a form and names each one', () => {
      // given a form with a <script>, a javascript: link, an onerror handler and an http iframe
      const problems = validateFormSchema(loadForm('berbahaya-script'));
      // then each offending component is named, and the harmless text field is not
      expect(problems.map((p) => p.element)).to.have.members(['Field_3html01', 'Field_3text01', 'Field_3img001', 'Field_3ifr001']);
      expect(problems.find((p) => p.element === 'Field_3html01')!.message).to.match(/script/);
      expect(problems.find((p) => p.element === 'Field_3img001')!.message).to.match(/event handler/);
      expect(problems.find((p) => p.element === 'Field_3ifr001')!.message).to.match(/https/);
    });

    it('sees through HTML entities and whitespace hiding a javascript: URL', () => {
      // given links whose scheme is written with entities or split by a tab
      const entity = form({ type: 'text', id: 'T1', text: '[x](jav&#x61;script&colon;alert(1))' });
      const tab = form({ type: 'html', id: 'T2', content: '<a href="java\tscript:alert(1)">x</a>' });
      // then both are refused
      expect(messagesFor(entity, 'T1')).to.have.length(1);
      expect(messagesFor(tab, 'T2')).to.have.length(1);
    });

    it('refuses a <script> hidden in a label, an iframe tag in html, and vbscript: anywhere', () => {
      const schema = form(
        { type: 'textfield', id: 'F1', key: 'a', label: 'Nama <script>alert(1)</script>' },
        { type: 'html', id: 'H1', content: '<iframe src="https://x.example"></iframe>' },
        { type: 'text', id: 'T1', text: 'vbscript:msgbox(1)' },
      );
      expect(validateFormSchema(schema).map((p) => p.element)).to.have.members(['F1', 'H1', 'T1']);
    });

    it('looks into nested properties too: option labels, appearance adorners', () => {
      const schema = form(
        { type: 'select', id: 'S', key: 's', values: [{ label: '<script>alert(1)</script>', value: 'a' }] },
        { type: 'textfield', id: 'T', key: 't', appearance: { prefixAdorner: 'javascript:alert(1)' } },
      );
      expect(plain(schema)).to.deep.equal([
        { element: 'S', message: 'values[0].label contains a <script> tag' },
        { element: 'T', message: 'appearance.prefixAdorner contains a script URL (javascript:, vbscript: or data:text/html)' },
      ]);
    });

    it('accepts ordinary markup and prose that merely contains "on…=" outside a tag', () => {
      const schema = form(
        { type: 'html', id: 'H1', content: '<p>Lihat <a href="https://semarangkota.go.id">situs</a></p>' },
        { type: 'text', id: 'T1', text: 'Status onboarding = selesai; **tebal** dan _miring_' },
      );
      expect(validateFormSchema(schema)).to.deep.equal([]);
    });

    it('accepts only literal https iframes', () => {
      const cases: [string, unknown, boolean][] = [
        ['I1', 'https://peta.semarangkota.go.id/embed', true],
        ['I2', 'http://peta.semarangkota.go.id/embed', false],
        ['I3', 'javascript:alert(1)', false],
        ['I4', '=petaUrl', false],
        ['I5', 'not a url', false],
      ];
      const problems = validateFormSchema(form(...cases.map(([id, url]) => ({ type: 'iframe', id, url }))));
      for (const [id, , ok] of cases) expect(problems.some((p) => p.element === id), id).to.equal(!ok);
    });
  });

  describe('structure', () => {
    it('reports duplicate keys, clashing paths and a missing key, all at once', () => {
      // given a form with two "nama" fields, a number without key and a key clashing with a group
      const problems = validateFormSchema(loadForm('kunci-ganda'));
      // then every problem is listed with its component id
      expect(problems.map((p) => p.element)).to.deep.equal(['Field_4nama02', 'Field_4umur01', 'Field_4alamt2']);
      expect(problems[0].message).to.equal('duplicate key "nama" (also used by Field_4nama01)');
      expect(problems[1].message).to.equal('number field has no key');
    });

    it('refuses a key that is a parent of another field\'s key', () => {
      const problems = validateFormSchema(form(
        { type: 'textfield', id: 'A', key: 'alamat' },
        { type: 'textfield', id: 'B', key: 'alamat.jalan' },
      ));
      expect(problems.map(({ element, message }) => ({ element, message }))).to.deep.equal([{ element: 'B', message: 'key "alamat.jalan" clashes with "alamat" of A' }]);
    });

    it('lets a dynamic list reuse keys of the outer form inside its items', () => {
      const schema = form(
        { type: 'textfield', id: 'A', key: 'nama' },
        { type: 'dynamiclist', id: 'L', path: 'anggota', components: [{ type: 'textfield', id: 'B', key: 'nama' }] },
      );
      expect(validateFormSchema(schema)).to.deep.equal([]);
    });

    it('refuses keys and paths that reach into prototypes or are malformed', () => {
      const problems = validateFormSchema(form(
        { type: 'textfield', id: 'A', key: '__proto__.polluted' },
        { type: 'textfield', id: 'B', key: 'a..b' },
        { type: 'group', id: 'G', path: 'constructor', components: [] },
        { type: 'dynamiclist', id: 'L', components: [] },
      ));
      expect(problems.map((p) => p.element)).to.deep.equal(['A', 'B', 'G', 'L']);
      expect(problems[3].message).to.equal('dynamic list has no path');
    });

    it('refuses unknown component types, components without type and a non-object form', () => {
      expect(messagesFor(form({ type: 'signature', id: 'S', key: 'ttd' }), 'S')).to.deep.equal(['unsupported form field type "signature"']);
      expect(validateFormSchema(form('text'))[0].message).to.equal('a component needs a type');
      expect(plain([])).to.deep.equal([{ element: 'form', message: 'a form must be a JSON object' }]);
      expect(validateFormSchema({ type: 'default' })[0].message).to.equal('components must be a list');
    });

    it('refuses invalid FEEL, patterns, limits and options', () => {
      const problems = validateFormSchema(form(
        { type: 'textfield', id: 'A', key: 'a', conditional: { hide: '=if skala then' } },
        { type: 'textfield', id: 'B', key: 'b', conditional: { hide: 'skala = "x"' } },
        { type: 'textfield', id: 'C', key: 'c', validate: { pattern: '([a-z' } },
        { type: 'number', id: 'D', key: 'd', validate: { min: 10, max: 1 } },
        { type: 'textfield', id: 'E', key: 'e', validate: { minLength: 'lima' } },
        { type: 'select', id: 'F', key: 'f', values: [{ label: 'A', value: 'a' }, { label: 'A lagi', value: 'a' }] },
        { type: 'expression', id: 'G', key: 'g' },
      ));
      expect(problems.map((p) => p.element)).to.deep.equal(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
      expect(problems[1].message).to.match(/must be a FEEL expression starting with "="/);
      expect(problems[2].message).to.match(/^validate.pattern is not a valid regular expression/);
    });

    it('refuses a form that is too large', () => {
      const many = Array.from({ length: 2001 }, (_, i) => ({ type: 'spacer', id: `S${i}` }));
      expect(validateFormSchema(form(...many)).at(-1)!.message).to.match(/at most 2000 components/);
    });
  });

  describe('compileFormValidator on an invalid form', () => {
    it('throws InvalidFormError carrying the problems', () => {
      // given a dangerous form; when compiled; then it throws with the list
      expect(() => compileFormValidator(loadForm('berbahaya-script'))).to.throw(InvalidFormError)
        .with.property('errors').that.has.length(4);
    });
  });

  describe('in Bahasa Indonesia', () => {
    it('words every problem as catalog text, Indonesian for an Indonesian reader', () => {
      const schema = { ...form(
        { type: 'signature', id: 'S', key: 'ttd' },
        { type: 'textfield', id: 'A', key: 'alamat' },
        { type: 'textfield', id: 'B', key: 'alamat' },
        { type: 'number', id: 'N', key: 'n', validate: { min: 5, max: 1 } },
        { type: 'text', id: 'H', text: '<iframe src="x">' },
        { type: 'iframe', id: 'I', url: 'http://contoh.go.id' },
        { type: 'textfield', id: 'C', key: 'c', conditional: { hide: 'x' } },
        { type: 'textfield', id: 'K' },
      ), type: 'lain' };
      const lines = validateFormSchema(schema).map((p) => `${p.element}: ${render(p.text, 'id')}`);
      expect(lines).to.have.members([
        'form: Jenis formulir harus "default" (tertulis "lain")',
        'S: Jenis isian formulir "signature" tidak didukung',
        'B: Key "alamat" dipakai dua kali (juga oleh A)',
        'N: validate.min 5 lebih besar daripada validate.max 1',
        'H: text memuat tag aktif <iframe>',
        'I: Url iframe harus memakai https:// (tertulis http:)',
        'C: conditional.hide harus berupa ekspresi FEEL yang diawali "="',
        'K: Isian textfield tidak memiliki key',
      ]);
    });
  });
});
