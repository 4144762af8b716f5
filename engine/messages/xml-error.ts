/**
 * What saxes (the BPMN reader's XML parser, engine/bpmn/read-xml.ts) found wrong with a file, as
 * catalog text: its words are English only ("unclosed tag: bpmn:process") and land inside an
 * Indonesian sentence when an analyst opens or deploys a damaged file. The common ones are worded
 * here; anything else is marked as technical detail (technical.ts).
 */
import { shapedText, type Shapes } from './technical.js';
import { text, type Text } from './text.js';

/** Named shapes: the tag, attribute or prefix the parser names travels as `name`. */
const NAMED: Shapes = [
  [/^unclosed tag: (.+?)\.?$/, 'xml-error.unclosed-tag'],
  [/^unmatched closing tag: (.+?)\.?$/, 'xml-error.unmatched-close'],
  [/^duplicate attribute: (.+?)\.?$/, 'xml-error.duplicate-attribute'],
  [/^unbound namespace prefix: "?(.+?)"?\.?$/, 'xml-error.unbound-prefix'],
  [/^malformed name: (.+?)\.?$/, 'xml-error.malformed-name'],
];

const SHAPES: Shapes = [
  [/^unexpected end\.?$/, 'xml-error.unexpected-end'],
  [/^unexpected close tag\.?$/, 'xml-error.unexpected-close'],
  [/^text data outside of root node\.?$/, 'xml-error.text-outside-root'],
  [/^documents may contain only one root\.?$/, 'xml-error.several-roots'],
  [/^document must contain a root element\.?$/, 'xml-error.no-root'],
  [/^(attribute without value|value required|value must be quoted|unquoted attribute value)\.?$/, 'xml-error.attribute-value'],
  [/^no whitespace between attributes\.?$/, 'xml-error.attribute-space'],
  [/^disallowed character/, 'xml-error.disallowed-character'],
  [/^malformed character entity\.?$|^empty entity name\.?$/, 'xml-error.entity'],
  [/^malformed comment\.?$/, 'xml-error.comment'],
  [/XML declaration|xml declaration/i, 'xml-error.declaration'],
];

export function xmlErrorText(err: unknown): Text {
  const message = (err instanceof Error ? err.message : String(err)).replace(/^\d+:\d+: /, '');
  for (const [re, key] of NAMED) {
    const m = re.exec(message);
    if (m) return text(key, { name: m[1] });
  }
  return shapedText(message, SHAPES);
}
