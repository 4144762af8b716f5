import { expect } from 'chai';
import { declaredEncoding, decodeXml, firstInvalidUtf8 } from '../../engine/bpmn/decode.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

describe('bpmn/decode: bytes → text by the declared encoding', () => {
  it('given declarations in several spellings, when read, then the encoding is found lower-cased', () => {
    expect(declaredEncoding('<?xml version="1.0" encoding="ISO-8859-1"?>')).to.equal('iso-8859-1');
    expect(declaredEncoding("<?xml version='1.0' encoding='utf-8' standalone='yes'?>")).to.equal('utf-8');
    expect(declaredEncoding('<?xml version="1.0"?>')).to.equal(undefined);
  });

  it('given ISO-8859-1 and US-ASCII declarations, when decoded, then Latin-1 bytes become their characters', () => {
    const latin = decodeXml(new Uint8Array([...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><a>caf'), 0xe9, ...ascii('</a>')]));
    expect(latin).to.deep.equal({ ok: true, text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>' });
    expect(decodeXml(ascii('<?xml version="1.0" encoding="US-ASCII"?><a/>')).ok).to.equal(true);
  });

  it('given no declaration, when decoded, then UTF-8 is assumed and a BOM is skipped', () => {
    expect(decodeXml(new Uint8Array([0xef, 0xbb, 0xbf, ...ascii('<a/>')]))).to.deep.equal({ ok: true, text: '<a/>' });
  });

  it('given a UTF-16 byte order mark, when decoded, then it is refused with a clear message', () => {
    const result = decodeXml(bytes(0xff, 0xfe, 0x3c, 0x00));
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.error.message).to.match(/UTF-16 documents are not supported/);
  });

  it('given overlong forms, surrogates or truncated sequences, then the first bad byte is found', () => {
    expect(firstInvalidUtf8(bytes(0x41, 0xc0, 0xaf))).to.equal(1);
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).to.equal(0);
    expect(firstInvalidUtf8(bytes(0x41, 0x42, 0xe2, 0x82))).to.equal(2);
    expect(firstInvalidUtf8(bytes(0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80))).to.equal(-1);
  });
});
