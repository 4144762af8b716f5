import { expect } from 'chai';
import { compileFormValidator, type FieldError, type FormValidationResult } from '../../engine/forms/index.js';
import { loadForm, NOW } from './fixtures.js';

/** What the process holds when the verification task opens. */
const CASE = {
  namaPemohon: 'Siti Rahayu',
  nomorRegistrasi: 'REG-2026-0042',
  nilaiInvestasi: 250000000,
  status: 'baru',
  plafonRetribusi: 1500000,
  biayaAdmin: 2500,
  daftarPetugas: [{ label: 'Agus (Dinas PU)', value: 'agus' }, { label: 'Dewi (DPMPTSP)', value: 'dewi' }],
};

/** An approval: the surveyor's visit is filled in, no rejection reason. */
function approval(): Record<string, unknown> {
  return {
    retribusi: 750000,
    petugas: 'agus',
    prioritas: 'sedang',
    keputusan: 'setuju',
    survei: { tanggal: '2026-12-03', lokasi: { lat: -6.98, lon: '110.41' } },
    verifikasi: { tim: { ketua: 'Ir. Bambang' } },
  };
}

function codes(result: FormValidationResult): string[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.values)}`);
  return result.errors.map((e: FieldError) => `${e.path}:${e.code}`);
}

function valuesOf(result: FormValidationResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.values;
}

describe('forms: conditions, read-only and computed fields — verifikasi-berkas.form', () => {
  const validate = compileFormValidator(loadForm('verifikasi-berkas'));
  const check = (values: Record<string, unknown>, caseVariables: Record<string, unknown> = CASE) => validate(values, caseVariables, { now: NOW });

  it('given an approval, when validated, then it passes and the computed total is filled in', () => {
    const values = valuesOf(check(approval()));
    expect(values).to.deep.equal({ ...approval(), totalBayar: 752500 });
  });

  describe('conditional.hide', () => {
    it('given an approval, then the hidden rejection reason is not required', () => {
      expect(check(approval()).ok).to.equal(true);
    });

    it('given a rejection, then the now-visible reason is required and checked', () => {
      const rejection = { ...approval(), keputusan: 'tolak', survei: undefined };
      expect(codes(check(rejection))).to.deep.equal(['alasanPenolakan:required']);
      expect(codes(check({ ...rejection, alasanPenolakan: 'Kurang' }))).to.deep.equal(['alasanPenolakan:minLength']);
      expect(check({ ...rejection, alasanPenolakan: 'Berkas NPWP tidak terbaca' }).ok).to.equal(true);
    });

    it('given a value for a hidden field, then it is not validated and is removed from the values', () => {
      // the reason is too short, but hidden on approval
      const values = valuesOf(check({ ...approval(), alasanPenolakan: 'x' }));
      expect(values).to.not.have.property('alasanPenolakan');
    });

    it('given a rejection, then a hidden group\'s required fields are skipped and its values removed, empty parents too', () => {
      // the survey group is hidden on rejection; its fields are wrong, yet nothing is reported
      const rejection = { ...approval(), keputusan: 'tolak', alasanPenolakan: 'Lokasi di luar zona usaha', survei: { tanggal: 'kemarin', lokasi: { lat: 99 } } };
      const values = valuesOf(check(rejection));
      expect(values).to.not.have.property('survei');
      expect(values.alasanPenolakan).to.equal('Lokasi di luar zona usaha');
    });

    it('evaluates conditions over the submitted values laid on the case variables', () => {
      // given the decision was taken earlier and sits in the case, not in this submission
      const { keputusan: _k, ...withoutDecision } = approval();
      const fromCase = check({ ...withoutDecision, survei: undefined }, { ...CASE, keputusan: 'tolak' });
      // then the reason is visible and required; the decision itself is required by the form too
      expect(codes(fromCase)).to.deep.equal(['keputusan:required', 'alasanPenolakan:required']);
      // and a submitted decision overrides the case's
      expect(check(approval(), { ...CASE, keputusan: 'tolak' }).ok).to.equal(true);
    });

    it('treats a condition that fails to evaluate as "not hidden", as form-js does', () => {
      const form = { type: 'default', components: [{ type: 'textfield', id: 'A', key: 'a', validate: { required: true }, conditional: { hide: '=x.y.z > 1' } }] };
      expect(codes(compileFormValidator(form)({}, {}))).to.deep.equal(['a:required']);
    });
  });

  describe('read-only and disabled fields', () => {
    it('accepts them echoed unchanged (as the form-js viewer sends them) and drops them from the values', () => {
      const values = valuesOf(check({ ...approval(), namaPemohon: 'Siti Rahayu', nomorRegistrasi: 'REG-2026-0042' }));
      expect(values).to.not.have.property('namaPemohon');
      expect(values).to.not.have.property('nomorRegistrasi');
    });

    it('refuses a changed value of a read-only or a disabled field', () => {
      const result = validate({ ...approval(), namaPemohon: 'Orang Lain', nomorRegistrasi: 'REG-1' }, CASE, { now: NOW, messages: 'id' });
      expect(codes(result)).to.deep.equal(['namaPemohon:readonly', 'nomorRegistrasi:readonly']);
      expect(result.ok ? '' : result.errors[0].message).to.equal('"Nama pemohon" hanya dapat dibaca dan tidak boleh diubah.');
    });

    it('accepts the empty value or the default the viewer shows when the case has no value', () => {
      const form = { type: 'default', components: [
        { type: 'textfield', id: 'A', key: 'kode', readonly: true },
        { type: 'number', id: 'B', key: 'tarif', readonly: true, defaultValue: 5000 },
      ] };
      const validator = compileFormValidator(form);
      expect(validator({ kode: '', tarif: 5000 }, {})).to.deep.equal({ ok: true, values: {} });
      expect(codes(validator({ kode: 'X', tarif: 1 }, {}))).to.deep.equal(['kode:readonly', 'tarif:readonly']);
    });

    it('applies a FEEL read-only condition', () => {
      const changed = { ...approval(), nilaiInvestasi: 1 };
      expect(check(changed).ok).to.equal(true);
      expect(valuesOf(check(changed)).nilaiInvestasi).to.equal(1);
      expect(codes(check(changed, { ...CASE, status: 'terkunci' }))).to.deep.equal(['nilaiInvestasi:readonly']);
    });
  });

  describe('computed expression fields', () => {
    it('recomputes the value on the server, whatever the client sent', () => {
      expect(valuesOf(check({ ...approval(), totalBayar: 1 })).totalBayar).to.equal(752500);
    });
  });

  describe('limits and options that depend on data', () => {
    it('takes a FEEL maximum from the case variables', () => {
      expect(codes(check({ ...approval(), retribusi: 2000000 }))).to.deep.equal(['retribusi:maximum']);
      expect(check({ ...approval(), retribusi: 2000000 }, { ...CASE, plafonRetribusi: 5000000 }).ok).to.equal(true);
    });

    it('applies a static increment to a number', () => {
      expect(codes(check({ ...approval(), retribusi: 750250 }))).to.deep.equal(['retribusi:increment']);
    });

    it('reports static and FEEL limits together (as the form-js viewer does)', () => {
      expect(codes(check({ ...approval(), retribusi: 2000250 }))).to.deep.equal(['retribusi:increment', 'retribusi:maximum']);
    });

    it('takes a FEEL minimum length that depends on another field', () => {
      const rejection = { ...approval(), keputusan: 'tolak', survei: undefined, alasanPenolakan: 'Berkas tidak lengkap' };
      expect(check(rejection).ok).to.equal(true);
      const big = { ...CASE, nilaiInvestasi: 2000000000 };
      expect(codes(check({ ...rejection, prioritas: 'tinggi' }, big))).to.deep.equal(['alasanPenolakan:minLength']);
    });

    it('accepts only options listed in the case variable named by valuesKey', () => {
      expect(codes(check({ ...approval(), petugas: 'budi' }))).to.deep.equal(['petugas:enum']);
      // a user cannot widen the choice by sending their own list of options
      const sneaky = compileFormValidator(loadForm('verifikasi-berkas'), { unknownFields: 'allow' });
      const result = sneaky({ ...approval(), petugas: 'budi', daftarPetugas: [{ label: 'Budi', value: 'budi' }] }, CASE, { now: NOW });
      expect(codes(result)).to.deep.equal(['petugas:enum']);
    });

    it('refuses any choice when the options variable is missing', () => {
      const { daftarPetugas: _d, ...noOptions } = CASE;
      expect(codes(check(approval(), noOptions))).to.deep.equal(['petugas:enum']);
    });

    it('accepts only options produced by valuesExpression, evaluated over the case', () => {
      expect(codes(check({ ...approval(), prioritas: 'tinggi' }))).to.deep.equal(['prioritas:enum']);
      expect(check({ ...approval(), prioritas: 'tinggi' }, { ...CASE, nilaiInvestasi: 2000000000 }).ok).to.equal(true);
    });
  });

  describe('nesting', () => {
    it('reports nested fields by their dotted path: group paths and dotted keys', () => {
      const result = check({ ...approval(), survei: { tanggal: '2026-12-03', lokasi: { lat: -20 } }, verifikasi: { tim: {} } });
      expect(codes(result)).to.deep.equal(['survei.lokasi.lat:minimum', 'survei.lokasi.lon:required', 'verifikasi.tim.ketua:required']);
    });

    it('checks a number sent as a string (serializeToString) as a number', () => {
      expect(codes(check({ ...approval(), survei: { tanggal: '2026-12-03', lokasi: { lat: -6.98, lon: '150' } } }))).to.deep.equal(['survei.lokasi.lon:maximum']);
      expect(codes(check({ ...approval(), survei: { tanggal: '2026-12-03', lokasi: { lat: -6.98, lon: 'timur' } } }))).to.deep.equal(['survei.lokasi.lon:type']);
    });
  });
});
