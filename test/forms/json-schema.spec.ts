import { expect } from 'chai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { formAjv } from '../../engine/forms/ajv.js';
import { compileFormValidator, formToJsonSchema } from '../../engine/forms/index.js';
import { loadForm, NOW } from './fixtures.js';

/** A plain, standard JSON Schema validator, as an API client would use (no Alur formats). */
function standardValidator(schema: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(schema);
}

describe('forms: formToJsonSchema', () => {
  it('given permohonan-izin.form, then it is a closed 2020-12 object schema with the always-required fields listed', () => {
    const schema = formToJsonSchema(loadForm('permohonan-izin')) as any;
    expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).to.equal('Form_permohonan_izin');
    expect(schema.additionalProperties).to.equal(false);
    expect(schema.required).to.have.members([
      'namaPemohon', 'nik', 'email', 'jenisUsaha', 'skala', 'luasBangunan', 'tanggalMulai', 'alamat', 'dokumen', 'pernyataan',
    ]);
    // a conditionally hidden field is never listed as required, and says when it hides
    expect(schema.required).to.not.include('alasanMenengah');
    expect(schema.properties.alasanMenengah['x-hide']).to.equal('=skala != "menengah"');
  });

  it('maps each field type to JSON Schema', () => {
    const p = (formToJsonSchema(loadForm('permohonan-izin')) as any).properties;
    expect(p.namaPemohon).to.deep.include({ type: 'string', minLength: 3, maxLength: 100, title: 'Nama pemohon' });
    expect(p.nik).to.deep.include({ type: 'string', pattern: '^\\d{16}$' });
    expect(p.email).to.deep.include({ type: 'string', format: 'email' });
    expect(p.telepon).to.deep.include({ type: ['string', 'null'], format: 'phone' });
    expect(p.jenisUsaha.enum).to.deep.equal(['perdagangan', 'jasa', 'industri']);
    expect(p.luasBangunan).to.deep.include({ type: 'number', minimum: 1, maximum: 10000, 'x-decimalDigits': 2 });
    expect(p.jumlahKaryawan).to.deep.include({ type: ['number', 'null'], minimum: 0, 'x-decimalDigits': 0, 'x-increment': 1 });
    expect(p.tanggalMulai).to.deep.include({ type: 'string', format: 'date' });
    expect(p.jamKunjungan).to.deep.include({ format: 'form-time' });
    expect(p.jadwalSurvei).to.deep.include({ format: 'form-datetime' });
    expect(p.dokumen).to.deep.include({ type: 'array', minItems: 1, items: { enum: ['ktp', 'npwp', 'domisili'] } });
    expect(p.kataKunci).to.deep.include({ type: ['array', 'null'] });
    expect(p.pernyataan).to.deep.include({ type: 'boolean', const: true });
    expect(p.alamat).to.deep.include({ type: 'object', required: ['jalan'], additionalProperties: false });
    expect(p.alamat.properties.kodePos).to.deep.include({ pattern: '^5\\d{4}$' });
  });

  it('marks read-only, computed and data-dependent fields with standard and x- annotations', () => {
    const p = (formToJsonSchema(loadForm('verifikasi-berkas')) as any).properties;
    expect(p.namaPemohon.readOnly).to.equal(true);
    expect(p.nomorRegistrasi.readOnly).to.equal(true);
    expect(p.totalBayar.readOnly).to.equal(true);
    expect(p.nilaiInvestasi['x-readonlyWhen']).to.equal('=status = "terkunci"');
    expect(p.retribusi['x-dynamic']).to.deep.equal({ max: '=plafonRetribusi' });
    expect(p.petugas['x-options']).to.equal('daftarPetugas');
    expect(p.survei.properties.lokasi.properties.lon).to.deep.include({ type: ['string', 'null'], pattern: '^-?\\d+(\\.\\d+)?$' });
    expect(p.verifikasi.properties.tim.required).to.deep.equal(['ketua']);
  });

  it('describes a dynamic list as an array of closed item objects', () => {
    const p = (formToJsonSchema(loadForm('daftar-anggota')) as any).properties;
    expect(p.pengurus.type).to.equal('array');
    expect(p.pengurus.items.required).to.have.members(['nama', 'jabatan']);
    expect(p.pengurus.items.properties.kontak.properties.telepon.format).to.equal('phone');
    expect(p).to.not.have.any.keys('Field_2logo01', 'riwayat');
  });

  it('agrees with the validator on a valid and an invalid submission, for a standard JSON Schema client', () => {
    // given the schema handed to an API client and the server's own validator
    const form = loadForm('permohonan-izin');
    const client = standardValidator(formToJsonSchema(form));
    const server = compileFormValidator(form);
    const good = {
      namaPemohon: 'Siti Rahayu', nik: '3374015506850002', email: 'siti@example.id', jenisUsaha: 'jasa', skala: 'kecil',
      luasBangunan: 20, tanggalMulai: '2026-12-15', alamat: { jalan: 'Jl. Pemuda 1' }, dokumen: ['ktp'], pernyataan: true,
    };
    expect(client(good)).to.equal(true);
    expect(server(good, {}, { now: NOW }).ok).to.equal(true);
    for (const bad of [{ ...good, nik: '12' }, { ...good, pernyataan: false }, { ...good, dokumen: [] }, { ...good, extra: 1 }, { ...good, jenisUsaha: 'x' }]) {
      expect(client(bad), JSON.stringify(bad)).to.equal(false);
      expect(server(bad, {}, { now: NOW }).ok, JSON.stringify(bad)).to.equal(false);
    }
  });

  it('compiles with Alur\'s own strict ajv for every fixture', () => {
    for (const name of ['permohonan-izin', 'verifikasi-berkas', 'daftar-anggota']) {
      const schema = formToJsonSchema(loadForm(name));
      expect(() => formAjv.compile(schema), name).to.not.throw();
      formAjv.removeSchema(schema);
    }
  });
});
