import { expect } from 'chai';
import { compileFormValidator, type FieldError, type FormValidationResult } from '../../engine/forms/index.js';
import { loadForm, NOW } from './fixtures.js';
import { render } from '../../engine/messages/index.js';

/** A complete, valid application for a business permit (permohonan izin usaha). */
function application(): Record<string, unknown> {
  return {
    namaPemohon: 'Siti Rahayu',
    nik: '3374015506850002',
    email: 'siti.rahayu@example.id',
    telepon: '+6281234567890',
    jenisUsaha: 'perdagangan',
    skala: 'kecil',
    luasBangunan: 48.5,
    jumlahKaryawan: 4,
    tanggalMulai: '2026-12-15',
    jamKunjungan: '09:30',
    jadwalSurvei: '2026-12-10T10:00+07:00',
    alamat: { jalan: 'Jl. Pandanaran No. 12', kelurahan: 'Mugassari', kodePos: '50249' },
    dokumen: ['ktp', 'npwp'],
    kataKunci: ['kuliner'],
    catatan: '',
    pernyataan: true,
  };
}

/** The errors as the validator's callers read them; `text` (the message as catalog data) is checked on its own below. */
function errorsOf(result: FormValidationResult): FieldError[] {
  if (result.ok) throw new Error(`expected errors, got values ${JSON.stringify(result.values)}`);
  return result.errors.map(({ text: _text, ...error }) => error);
}

function codes(result: FormValidationResult): string[] {
  return errorsOf(result).map((e) => `${e.path}:${e.code}`);
}

describe('forms: compileFormValidator — permohonan-izin.form', () => {
  const validate = compileFormValidator(loadForm('permohonan-izin'));
  const check = (values: Record<string, unknown>, language: 'en' | 'id' = 'en') => validate(values, {}, { now: NOW, messages: language });

  it('given a complete application, when validated, then it passes and the values are returned as sent', () => {
    const result = check(application());
    expect(result).to.deep.equal({ ok: true, values: application() });
  });

  it('given only the required fields, when validated, then it passes (optional fields may be absent)', () => {
    const { telepon: _t, jumlahKaryawan: _j, jamKunjungan: _h, jadwalSurvei: _s, kataKunci: _k, catatan: _c, ...minimal } = application();
    (minimal.alamat as Record<string, unknown>) = { jalan: 'Jl. Pemuda 1' };
    expect(check(minimal).ok).to.equal(true);
  });

  it('given what the form-js viewer submits (untouched optional fields as "", null, []), then it passes and keeps them', () => {
    // the viewer sends every keyed field: '' for text, null for numbers, selects and dates, [] for lists
    const viewerOutput = {
      ...application(), telepon: '', jumlahKaryawan: null, jamKunjungan: null, jadwalSurvei: null,
      alamat: { jalan: 'Jl. Pandanaran No. 12', kelurahan: '', kodePos: '' }, kataKunci: [], catatan: '', alasanMenengah: '',
    };
    const { alasanMenengah: _hidden, ...expected } = viewerOutput;
    expect(check(viewerOutput)).to.deep.equal({ ok: true, values: expected });
  });

  it('given an empty submission, when validated, then every required field is reported once, with English messages', () => {
    const errors = errorsOf(check({}));
    expect(errors.map((e) => e.path)).to.deep.equal([
      'namaPemohon', 'nik', 'email', 'jenisUsaha', 'skala', 'luasBangunan', 'tanggalMulai', 'alamat.jalan', 'dokumen', 'pernyataan',
    ]);
    expect(errors.every((e) => e.code === 'required')).to.equal(true);
    expect(errors[0].message).to.equal('"Nama pemohon" is required.');
  });

  it('given empty values ("", [], null, an unticked box), then required fields count them as missing', () => {
    const result = check({ ...application(), namaPemohon: '', dokumen: [], jenisUsaha: null, pernyataan: false });
    expect(codes(result)).to.deep.equal(['namaPemohon:required', 'jenisUsaha:required', 'dokumen:required', 'pernyataan:required']);
  });

  it('given Indonesian messages requested, then the same errors read in Indonesian', () => {
    const errors = errorsOf(check({ ...application(), namaPemohon: 'Si', luasBangunan: 0 }, 'id'));
    expect(errors.map((e) => e.message)).to.deep.equal(['"Nama pemohon" minimal 3 karakter.', '"Luas bangunan (m²)" minimal 1.']);
  });

  it('given any messages, then each error carries its message as catalog text, for the API to write in its reader\'s language', () => {
    const result = check({ ...application(), namaPemohon: 'Si', nik: '33740155' });
    const texts = result.ok ? [] : result.errors.map((e) => [render(e.text!, 'id'), render(e.text!, 'en')]);
    expect(texts).to.deep.equal([['"Nama pemohon" minimal 3 karakter.', '"Nama pemohon" must be at least 3 characters long.'], ['NIK harus 16 digit angka.', 'NIK harus 16 digit angka.']]);
  });

  describe('text fields', () => {
    it('checks min and max length', () => {
      expect(codes(check({ ...application(), namaPemohon: 'Si' }))).to.deep.equal(['namaPemohon:minLength']);
      expect(codes(check({ ...application(), namaPemohon: 'x'.repeat(101) }))).to.deep.equal(['namaPemohon:maxLength']);
      expect(codes(check({ ...application(), catatan: 'x'.repeat(501) }))).to.deep.equal(['catatan:maxLength']);
    });

    it('measures length without surrounding spaces, as the form-js viewer does', () => {
      expect(codes(check({ ...application(), namaPemohon: '  Si  ' }))).to.deep.equal(['namaPemohon:minLength']);
      expect(check({ ...application(), catatan: `${'x'.repeat(500)}\n\n` }).ok).to.equal(true);
    });

    it('uses the form author\'s own pattern message', () => {
      const errors = errorsOf(check({ ...application(), nik: '33740155' }));
      expect(errors).to.deep.equal([{ path: 'nik', code: 'pattern', message: 'NIK harus 16 digit angka.' }]);
    });

    it('checks a pattern inside a group with a generic message naming the field', () => {
      const errors = errorsOf(check({ ...application(), alamat: { jalan: 'Jl. Pemuda', kodePos: '1234' } }));
      expect(errors).to.deep.equal([{ path: 'alamat.kodePos', code: 'pattern', message: '"Kode pos" does not have the expected format.' }]);
    });

    it('checks email and international phone numbers', () => {
      expect(codes(check({ ...application(), email: 'siti@' }))).to.deep.equal(['email:email']);
      expect(codes(check({ ...application(), telepon: '081234567890' }))).to.deep.equal(['telepon:phone']);
      expect(check({ ...application(), telepon: '0062812345678' }).ok).to.equal(true);
    });

    it('refuses a number where text is expected', () => {
      const errors = errorsOf(check({ ...application(), namaPemohon: 42 }));
      expect(errors).to.deep.equal([{ path: 'namaPemohon', code: 'type', message: '"Nama pemohon" must be text.' }]);
    });
  });

  describe('number fields', () => {
    it('checks min, max and the number of decimals', () => {
      expect(codes(check({ ...application(), luasBangunan: 0.5 }))).to.deep.equal(['luasBangunan:minimum']);
      expect(codes(check({ ...application(), luasBangunan: 10000.01 }))).to.deep.equal(['luasBangunan:maximum']);
      expect(codes(check({ ...application(), luasBangunan: 12.345 }))).to.deep.equal(['luasBangunan:decimalDigits']);
      expect(check({ ...application(), luasBangunan: 10000 }).ok).to.equal(true);
    });

    it('refuses a fraction where whole numbers are expected, and a negative count', () => {
      const errors = errorsOf(check({ ...application(), jumlahKaryawan: 2.5 }));
      expect(errors[0]).to.deep.include({ path: 'jumlahKaryawan', code: 'decimalDigits', message: '"Jumlah karyawan" must be a whole number.' });
      expect(codes(check({ ...application(), jumlahKaryawan: -1 }))).to.deep.equal(['jumlahKaryawan:minimum']);
    });

    it('refuses a numeric string: a number field takes JSON numbers', () => {
      expect(errorsOf(check({ ...application(), luasBangunan: '48.5' }))).to.deep.equal([
        { path: 'luasBangunan', code: 'type', message: '"Luas bangunan (m²)" must be a number.' },
      ]);
    });
  });

  describe('choices', () => {
    it('accepts only the offered options of a select, a radio, a checklist and a taglist', () => {
      const result = check({ ...application(), jenisUsaha: 'tambang', skala: 'besar', dokumen: ['ktp', 'sim', 'paspor'], kataKunci: ['kuliner', 'otomotif'] });
      expect(codes(result)).to.deep.equal(['jenisUsaha:enum', 'skala:enum', 'dokumen:enum', 'kataKunci:enum']);
    });

    it('refuses a single value where a list is expected', () => {
      expect(codes(check({ ...application(), dokumen: 'ktp' }))).to.deep.equal(['dokumen:type']);
    });

    it('refuses anything but true/false for a checkbox', () => {
      expect(codes(check({ ...application(), pernyataan: 'ya' }))).to.deep.equal(['pernyataan:type']);
    });
  });

  describe('dates and times', () => {
    it('checks the date, time and date-time formats form-js writes', () => {
      const result = check({ ...application(), tanggalMulai: '2026-02-30', jamKunjungan: '9.30', jadwalSurvei: '2026-12-10 10:00' });
      expect(codes(result)).to.deep.equal(['tanggalMulai:date', 'jamKunjungan:time', 'jadwalSurvei:datetime']);
    });

    it('names a date picker by its date label', () => {
      const errors = errorsOf(check({ ...application(), tanggalMulai: undefined }));
      expect(errors).to.deep.equal([{ path: 'tanggalMulai', code: 'required', message: '"Tanggal mulai usaha" is required.' }]);
    });

    it('accepts the time serialisations of form-js: no zone, UTC offset, UTC', () => {
      for (const jadwalSurvei of ['2026-12-10T10:00', '2026-12-10T10:00+07:00', '2026-12-10T03:00Z']) {
        expect(check({ ...application(), jadwalSurvei, jamKunjungan: jadwalSurvei.slice(11) }).ok, jadwalSurvei).to.equal(true);
      }
    });

    it('refuses a past date where the form disallows it, judged by the date in Semarang', () => {
      expect(codes(check({ ...application(), tanggalMulai: '2026-11-29' }))).to.deep.equal(['tanggalMulai:pastDate']);
      // 30 November is today in Semarang at the test clock (09:00 WIB).
      expect(check({ ...application(), tanggalMulai: '2026-11-30' }).ok).to.equal(true);
      // At 23:30 UTC on the 29th it is already the 30th in Semarang.
      const late = validate({ ...application(), tanggalMulai: '2026-11-29' }, {}, { now: new Date('2026-11-29T23:30:00Z') });
      expect(codes(late)).to.deep.equal(['tanggalMulai:pastDate']);
      const utc = validate({ ...application(), tanggalMulai: '2026-11-29' }, {}, { now: new Date('2026-11-29T23:30:00Z'), timeZone: 'UTC' });
      expect(utc.ok).to.equal(true);
    });
  });

  describe('several violations', () => {
    it('lists one entry per violation, including two on one field', () => {
      // given a form whose field has both a length limit and a pattern
      const form = { type: 'default', components: [{ type: 'textfield', id: 'F', key: 'kode', label: 'Kode', validate: { minLength: 5, pattern: '^[A-Z]+$' } }] };
      const result = compileFormValidator(form)({ kode: 'ab' });
      expect(codes(result)).to.deep.equal(['kode:minLength', 'kode:pattern']);
    });
  });

  describe('keys that are not on the form', () => {
    it('refuses them by default, naming each', () => {
      const result = check({ ...application(), disetujui: true, alamat: { jalan: 'Jl. Pemuda', rt: '01' } });
      expect(errorsOf(result)).to.deep.include({ path: 'disetujui', code: 'unknown', message: '"disetujui" is not a field of this form.' });
      expect(codes(result)).to.include('alamat.rt:unknown');
    });

    it('drops them with unknownFields: strip, keeps them with allow', () => {
      const extra = { ...application(), disetujui: true };
      const stripped = compileFormValidator(loadForm('permohonan-izin'), { unknownFields: 'strip' })(extra, {}, { now: NOW });
      expect(stripped).to.deep.equal({ ok: true, values: application() });
      const allowed = compileFormValidator(loadForm('permohonan-izin'), { unknownFields: 'allow' })(extra, {}, { now: NOW });
      expect(allowed).to.deep.equal({ ok: true, values: extra });
    });

    it('refuses a plain value where a group of fields is expected', () => {
      expect(codes(check({ ...application(), alamat: 'Jl. Pemuda 1' }))).to.deep.equal(['alamat:type', 'alamat.jalan:required']);
    });

    it('never follows a __proto__ key', () => {
      const hostile = JSON.parse('{"__proto__": {"polluted": true}, "alamat": {"__proto__": {"x": 1}}}');
      const result = check({ ...application(), ...hostile });
      expect(codes(result)).to.include('__proto__:unknown');
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  });

  describe('purity and caching', () => {
    it('refuses a submission that is not an object', () => {
      for (const bad of [null, [], 'x', 3]) expect(codes(check(bad as never))).to.deep.equal([':form']);
    });

    it('never modifies the submitted values or the case variables', () => {
      const submitted = { ...application(), skala: 'menengah', alasanMenengah: 'Omzet di atas 2 miliar', extra: 1 };
      const before = JSON.stringify(submitted);
      validate(submitted, { skala: 'mikro' }, { now: NOW });
      expect(JSON.stringify(submitted)).to.equal(before);
    });

    it('returns the same compiled validator for the same form, even re-read from storage', () => {
      expect(compileFormValidator(loadForm('permohonan-izin'))).to.equal(validate);
      expect(compileFormValidator(loadForm('permohonan-izin'), { unknownFields: 'strip' })).to.not.equal(validate);
    });

    it('keeps at most 256 compiled forms, evicting the least recently used, which then compiles anew', () => {
      const formNumber = (n: number) => ({ type: 'default', id: `Form_${n}`, components: [{ type: 'number', id: 'N', key: 'n', validate: { max: n } }] });
      const first = compileFormValidator(formNumber(0));
      const kept = compileFormValidator(formNumber(1));
      for (let n = 2; n < 300; n++) {
        compileFormValidator(formNumber(n));
        if (n % 50 === 0) compileFormValidator(formNumber(1)); // keep form 1 recently used
      }
      expect(compileFormValidator(formNumber(1))).to.equal(kept);
      const again = compileFormValidator(formNumber(0));
      expect(again).to.not.equal(first);
      expect(codes(again({ n: 1 }))).to.deep.equal(['n:maximum']);
    });
  });
});
