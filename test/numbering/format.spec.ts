import { expect } from 'chai';
import { parseNumberFormat, seriesOf, renderNumber, type NumberFormat } from '../../engine/numbering/format.js';

function format(text: string, fields?: string[]): NumberFormat {
  const parsed = parseNumberFormat(text, { fields });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.format;
}

describe('numbering: formats', () => {
  it('given a monthly registration format, when numbered in WIB, then the date is the local one and the counter is padded', () => {
    const f = format('PBG/{yyyy}/{MM}/{seq:5}');
    // 31 March 2026 18:30 UTC is already 1 April 01:30 in Jakarta: April's series.
    const series = seriesOf(f, new Date('2026-03-31T18:30:00Z'), 'Asia/Jakarta');
    expect(series).to.deep.equal({ name: 'PBG/2026/04/{seq:5}', prefix: 'PBG/2026/04/', suffix: '', width: 5 });
    expect(renderNumber(series, 42)).to.equal('PBG/2026/04/00042');
    expect(renderNumber(series, 1234567)).to.equal('PBG/2026/04/1234567');
    expect(seriesOf(f, new Date('2026-03-31T18:30:00Z'), 'UTC').name).to.equal('PBG/2026/03/{seq:5}');
    expect(seriesOf(f, new Date('2026-03-31T18:30:00Z'), '+09:00').name).to.equal('PBG/2026/04/{seq:5}');
  });

  it('given a letter register with fields, then the counter sits first and the fields are filled in', () => {
    const f = format('{seq}/{kode}/{unit}/{yyyy}', ['kode', 'unit']);
    const series = seriesOf(f, new Date('2026-12-31T16:59:00Z'), 'Asia/Jakarta', { kode: '800', unit: 'DPMPTSP' });
    expect(series.name).to.equal('{seq:1}/800/DPMPTSP/2026');
    expect(renderNumber(series, 17)).to.equal('17/800/DPMPTSP/2026');
    expect(seriesOf(f, new Date('2026-12-31T17:00:00Z'), 'Asia/Jakarta', { kode: '800', unit: 'DPMPTSP' }).name).to.equal('{seq:1}/800/DPMPTSP/2027');
    expect(() => seriesOf(f, new Date(), 'UTC', { kode: '800' })).to.throw('no value for {unit}');
    expect(format('{dd}.{MM}.{yy}-{seq:3}').parts.map((p) => p.kind)).to.deep.equal(['date', 'text', 'date', 'text', 'date', 'text', 'seq']);
  });

  it('given broken formats, then every problem is named', () => {
    const problems = (text: string, fields?: string[]) => {
      const parsed = parseNumberFormat(text, { fields });
      return parsed.ok ? [] : parsed.problems;
    };
    expect(problems('')).to.deep.equal(['the format is empty; write e.g. PBG/{yyyy}/{MM}/{seq:5}']);
    expect(problems('PBG/{yyyy}')).to.deep.equal(['the format has no {seq:N}: without a counter two numbers would be the same']);
    expect(problems('{seq}/{seq:2}')).to.deep.equal(['the format has more than one {seq}']);
    expect(problems('{seq:0}')[0]).to.equal('{seq:0}: the number of digits must be 1 to 12');
    expect(problems('{seq:13}')[0]).to.equal('{seq:13}: the number of digits must be 1 to 12');
    expect(problems('{kode}/{seq}')[0]).to.equal('unknown placeholder {kode}; use {yyyy}, {yy}, {MM}, {dd}, {seq:N}');
    expect(problems('{kode}/{seq}', ['kode'])).to.deep.equal([]);
    expect(problems('A}{seq}')).to.deep.equal(['unbalanced brace in "A}"']);
    expect(problems('A\n{seq}')).to.deep.equal(['the format contains control characters (line breaks, tabs)']);
    expect(problems(`${'x'.repeat(200)}{seq}`)).to.deep.equal(['the format is longer than 200 characters']);
  });
});
