// Given a case's values, when either app shows them (inbox history and "Data permohonan", the
// designer's Pantau), then they read as people write them in the reader's language.
import { expect } from 'chai';
import { labelledValues, valueText } from '../../ui-shared/case-values.js';

describe('case values as people read them (ui-shared)', () => {
  it('writes a form date day-first in each language, whatever the reader\'s zone, and never as 2026-12-15', () => {
    expect(valueText('id', '2026-12-15')).to.equal('15 Des 2026');
    expect(valueText('en', '2026-12-15')).to.equal('15 Dec 2026');
  });

  it('groups numbers as the language does and says yes or no in words', () => {
    expect(valueText('id', 25000000)).to.equal('25.000.000');
    expect(valueText('en', 25000000)).to.equal('25,000,000');
    expect([valueText('id', true), valueText('id', false), valueText('en', true)]).to.deep.equal(['Ya', 'Tidak', 'Yes']);
    expect(valueText('id', '')).to.equal('–');
  });

  it('labels a value with its field\'s label and its option\'s label, and keeps the key where no field wrote it', () => {
    const fields = [{ key: 'keputusan', label: 'Keputusan kepala dinas', value: 'setuju', valueLabel: 'Setujui' }];
    expect(labelledValues('id', { keputusan: 'setuju', tanggalMulai: '2026-03-02' }, fields)).to.deep.equal([
      { key: 'keputusan', label: 'Keputusan kepala dinas', text: 'Setujui' },
      { key: 'tanggalMulai', label: 'tanggalMulai', text: '2 Mar 2026' },
    ]);
  });
});
