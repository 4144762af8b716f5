/** Validation messages in the user's language (inbox/src/form-messages.ts); Indonesian is the default. */
import { expect } from 'chai';
import { translateServerError, translateValidation } from '../../inbox/src/form-messages.js';

describe('inbox form messages (Bahasa Indonesia)', () => {
  it("given form-js's English messages, then they read in Indonesian", () => {
    expect(translateValidation('Field is required.')).to.equal('Wajib diisi.');
    expect(translateValidation('Field must have minimum length of 5.')).to.equal('Paling sedikit 5 karakter.');
    // never the raw regular expression
    expect(translateValidation('Field must match pattern ^[0-9]{3}$.')).to.equal('Formatnya belum sesuai.');
    expect(translateValidation('Value is expected to be an integer.')).to.equal('Nilai harus bilangan bulat.');
    expect(translateValidation('Field must be a valid email.')).to.equal('Harus alamat email yang sah.');
  });

  it("given a form author's own message, then it is shown as written", () => {
    expect(translateValidation('Use the form 123/DPU/2026')).to.equal('Use the form 123/DPU/2026');
  });

  it('given a server error with a known code and the field label, then it is worded from the code', () => {
    expect(translateServerError({ code: 'required', message: '"Decision" is required.' }, 'Keputusan')).to.equal('"Keputusan" wajib diisi.');
  });

  it("given a pattern failure the server words with the form's own message, then that message is shown", () => {
    expect(translateServerError({ code: 'pattern', message: 'Tulis NIK 16 angka, mis. 3325010101900001.' }, 'NIK')).to.equal('Tulis NIK 16 angka, mis. 3325010101900001.');
    expect(translateServerError({ code: 'pattern', message: '"NIK" does not have the expected format.' }, 'NIK')).to.equal('Format "NIK" tidak sesuai.');
  });

  it('given a server error with an unknown code, then its message is kept', () => {
    expect(translateServerError({ code: 'pastDate', message: '"Tanggal" tidak boleh di masa lalu.' }, 'Tanggal')).to.equal('"Tanggal" tidak boleh di masa lalu.');
  });
});

describe("inbox form messages: the server's English in Indonesian", () => {
  it('given server messages written from engine/forms templates, then they read in Indonesian with the field and limit kept', () => {
    expect(translateServerError({ message: '"Decision" is required.' }, undefined)).to.equal('"Decision" wajib diisi.');
    expect(translateServerError({ message: '"Note" must be at most 500 characters long.' }, undefined)).to.equal('"Note" maksimal 500 karakter.');
    expect(translateServerError({ message: '"Amount" must be at least 10.' }, undefined)).to.equal('"Amount" minimal 10.');
    expect(translateServerError({ message: '"Nomor surat" does not have the expected format.' }, undefined)).to.equal('Format "Nomor surat" tidak sesuai.');
    expect(translateServerError({ message: '"Jumlah" must be a number.' }, undefined)).to.equal('"Jumlah" harus berupa angka.');
    expect(translateServerError({ message: '"Jumlah" must be a whole number.' }, undefined)).to.equal('"Jumlah" harus berupa bilangan bulat.');
  });
});
