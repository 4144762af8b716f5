/** Validation messages in the user's language (inbox/src/form-messages.ts); Indonesian is the default. */
import { expect } from 'chai';
import { translateValidation } from '../../inbox/src/form-messages.js';

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
});
