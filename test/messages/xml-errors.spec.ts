// Issue 17: a BPMN file that is not well-formed XML was refused with saxes's English words inside
// the Indonesian sentence ("susunan XML tidak benar: unclosed tag: bpmn:process"). The common
// faults read Indonesian now, naming the tag; any other is framed as technical detail.
import { expect } from 'chai';
import { readXml } from '../../engine/bpmn/read-xml.js';
import { render, xmlErrorText } from '../../engine/messages/index.js';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';
const refusal = (xml: string, lang: 'id' | 'en') => {
  const read = readXml(xml);
  if (read.ok) throw new Error('expected the file to be refused');
  return render(read.errors[0].text, lang);
};

describe('a BPMN file that is not well-formed XML, in the reader\'s language', () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ['a tag closed by the wrong closing tag', `<bpmn:definitions ${NS}><bpmn:process id="p"></bpmn:definitions>`, /tag penutup yang tidak sesuai dengan tag yang sedang terbuka/, /closing tag does not match the tag that is open/],
    ['a file cut short', `<bpmn:definitions ${NS}><bpmn:process id="p">`, /tag bpmn:process dibuka tetapi tidak pernah ditutup/, /tag bpmn:process is opened but never closed/],
    ['an attribute twice', `<bpmn:definitions ${NS}><bpmn:process id="p" id="q"/></bpmn:definitions>`, /atribut id muncul dua kali/, /attribute id appears twice/],
    ['an unquoted value', `<bpmn:definitions ${NS}><bpmn:process id=p/></bpmn:definitions>`, /tanda kutip/, /in quotes/],
    ['a broken entity', `<bpmn:definitions ${NS}><bpmn:process id="p" name="A &; B"/></bpmn:definitions>`, /&amp;/, /&amp;/],
    ['an undeclared prefix', '<bpmn:definitions><x/></bpmn:definitions>', /awalan bpmn tidak memiliki namespace/, /prefix bpmn has no namespace/],
  ];
  for (const [what, xml, id, en] of cases) {
    it(`words ${what} in Indonesian, with no English word of the parser, and in English`, () => {
      const indonesian = refusal(xml, 'id');
      expect(indonesian).to.match(/^Susunan XML tidak benar: /).and.match(id);
      expect(indonesian).not.to.match(/\b(tag:|unclosed|unexpected|attribute|unquoted|unbound|malformed|duplicate|disallowed)\b/);
      expect(refusal(xml, 'en')).to.match(en);
    });
  }

  it('frames a fault it has no words for as technical detail', () => {
    expect(render(xmlErrorText(new Error('1:5: weird empty close tag.')), 'id')).to.equal('Rincian teknis: weird empty close tag.');
  });
});
