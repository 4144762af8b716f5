/**
 * Indonesian for the engine messages that are still plain English strings, not catalog texts
 * (engine/messages/catalog/bpmn.ts). A finding with a catalog text reaches the designer already in
 * the reader's language — the live lint renders it from the same catalog (run-engine-rules.js) and
 * the server writes it so — so nothing of the catalog is repeated here; each entry below goes once
 * its rule reports a catalog text (test/designer/engine-messages.spec.ts fails on a duplicate).
 * The messages read "type id: text" and often carry ids or values, so they are matched by pattern.
 */
// Empty since every engine finding became catalog text (issue 17); kept for a message that
// cannot be one yet, and so the spec keeps checking that none repeats the catalog.
const exact: Record<string, string> = {};

const patterns: [RegExp, string][] = [];

/** The Indonesian form of an engine message, starting with a capital as catalog texts do, or undefined when it is not known. */
export function engineMessageId(message: string): string | undefined {
  const prefixed = /^([a-zA-Z]+ [^\s:]+: )(.*)$/s.exec(message);
  const [prefix, text] = prefixed ? [prefixed[1], prefixed[2]] : ['', message];
  // A plain word is capitalised; a name as written in the XML (alur:sla, startQuantity) is not.
  const capital = (found: string) => prefix + (/^[a-z]+[ ,]/.test(found) ? found.charAt(0).toUpperCase() + found.slice(1) : found);
  if (exact[text]) return capital(exact[text]);
  for (const [pattern, replacement] of patterns) if (pattern.test(text)) return capital(text.replace(pattern, replacement));
  return undefined;
}

/** The English messages this list translates, for the spec that keeps it free of catalog texts. */
export const handTranslated = { exact: Object.keys(exact), patterns: patterns.map(([pattern]) => pattern) };
