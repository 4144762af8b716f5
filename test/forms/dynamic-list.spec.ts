import { expect } from 'chai';
import { compileFormValidator, type FormValidationResult } from '../../engine/forms/index.js';
import { loadForm, NOW } from './fixtures.js';

function codes(result: FormValidationResult): string[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.values)}`);
  return result.errors.map((e) => `${e.path}:${e.code}`);
}

function board(): Record<string, unknown> {
  return {
    namaKoperasi: 'Koperasi Batik Sejahtera',
    pengurus: [
      { nama: 'Hartini', jabatan: 'ketua', kontak: { telepon: '+6281311112222' } },
      { nama: 'Yusuf', jabatan: 'lainnya', jabatanLain: 'Pengawas' },
    ],
  };
}

describe('forms: dynamic lists — daftar-anggota.form', () => {
  const validate = compileFormValidator(loadForm('daftar-anggota'));
  const check = (values: Record<string, unknown>, caseVariables: Record<string, unknown> = {}) => validate(values, caseVariables, { now: NOW });

  it('given a complete board, when validated, then it passes unchanged', () => {
    expect(check(board())).to.deep.equal({ ok: true, values: board() });
  });

  it('given an empty list or none at all, then it passes (the list itself is not required)', () => {
    expect(check({ namaKoperasi: 'Koperasi Tani', pengurus: [] }).ok).to.equal(true);
    expect(check({ namaKoperasi: 'Koperasi Tani' }).ok).to.equal(true);
  });

  it('validates every item and names errors by list path, index and key', () => {
    const result = check({
      namaKoperasi: 'Koperasi Batik Sejahtera',
      pengurus: [{ nama: 'Hartini', jabatan: 'ketua' }, { jabatan: 'bupati' }, { nama: 'Rina', jabatan: 'bendahara', kontak: { telepon: '0812' } }],
    });
    expect(codes(result)).to.deep.equal(['pengurus.1.nama:required', 'pengurus.1.jabatan:enum', 'pengurus.2.kontak.telepon:phone']);
  });

  it('evaluates `this` per item: a field is required only in the items whose condition shows it', () => {
    const result = check({ ...board(), pengurus: [{ nama: 'A', jabatan: 'lainnya' }, { nama: 'B', jabatan: 'sekretaris' }] });
    expect(codes(result)).to.deep.equal(['pengurus.0.jabatanLain:required']);
  });

  it('removes a hidden item field from that item only', () => {
    const result = check({ ...board(), pengurus: [{ nama: 'A', jabatan: 'ketua', jabatanLain: 'x' }, { nama: 'B', jabatan: 'lainnya', jabatanLain: 'Penasehat' }] });
    expect(result).to.deep.equal({
      ok: true,
      values: { ...board(), pengurus: [{ nama: 'A', jabatan: 'ketua' }, { nama: 'B', jabatan: 'lainnya', jabatanLain: 'Penasehat' }] },
    });
  });

  it('sees the item as `this`, the enclosing data as `parent`, and the 1-based index as `i`', () => {
    const form = {
      type: 'default',
      components: [
        { type: 'number', id: 'Max', key: 'batas' },
        {
          type: 'dynamiclist', id: 'L', path: 'baris',
          components: [
            { type: 'textfield', id: 'A', key: 'a', validate: { required: true }, conditional: { hide: '=i[1] > parent.batas' } },
            { type: 'textfield', id: 'B', key: 'b', validate: { required: true }, conditional: { hide: '=_this_.a = "lewati"' } },
          ],
        },
      ],
    };
    const result = compileFormValidator(form)({ batas: 2, baris: [{ a: 'lewati' }, {}, {}] });
    expect(codes(result)).to.deep.equal(['baris.1.a:required', 'baris.1.b:required', 'baris.2.b:required']);
  });

  it('refuses a list that is not a list, an item that is not an object, and unknown keys in an item', () => {
    expect(codes(check({ ...board(), pengurus: { nama: 'A' } }))).to.deep.equal(['pengurus:type']);
    expect(codes(check({ ...board(), pengurus: ['Hartini'] }))).to.deep.equal(['pengurus.0:type']);
    const extra = check({ ...board(), pengurus: [{ nama: 'A', jabatan: 'ketua', gaji: 10 }] });
    expect(codes(extra)).to.deep.equal(['pengurus.0.gaji:unknown']);
  });

  it('never submits a value for display components (html, image, table)', () => {
    expect(codes(check({ ...board(), Field_2logo01: 'x', riwayat: [] }))).to.deep.equal(['Field_2logo01:unknown', 'riwayat:unknown']);
  });

  it('hides a whole list under a condition and drops it from the values', () => {
    const form = {
      type: 'default',
      components: [
        { type: 'checkbox', id: 'C', key: 'adaAhliWaris' },
        { type: 'dynamiclist', id: 'L', path: 'ahliWaris', conditional: { hide: '=adaAhliWaris != true' }, components: [{ type: 'textfield', id: 'N', key: 'nama', validate: { required: true } }] },
      ],
    };
    const validator = compileFormValidator(form);
    expect(validator({ adaAhliWaris: false, ahliWaris: [{}] })).to.deep.equal({ ok: true, values: { adaAhliWaris: false } });
    expect(codes(validator({ adaAhliWaris: true, ahliWaris: [{}] }))).to.deep.equal(['ahliWaris.0.nama:required']);
  });

  it('compares read-only item fields with the same item of the case variables', () => {
    const form = {
      type: 'default',
      components: [{ type: 'dynamiclist', id: 'L', path: 'tagihan', components: [
        { type: 'number', id: 'J', key: 'jumlah', readonly: true },
        { type: 'checkbox', id: 'L2', key: 'lunas' },
      ] }],
    };
    const caseVariables = { tagihan: [{ jumlah: 100 }, { jumlah: 200 }] };
    const validator = compileFormValidator(form);
    expect(validator({ tagihan: [{ jumlah: 100, lunas: true }, { jumlah: 200 }] }, caseVariables))
      .to.deep.equal({ ok: true, values: { tagihan: [{ lunas: true }, {}] } });
    expect(codes(validator({ tagihan: [{ jumlah: 100 }, { jumlah: 1 }] }, caseVariables))).to.deep.equal(['tagihan.1.jumlah:readonly']);
  });
});
