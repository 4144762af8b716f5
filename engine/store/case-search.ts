/**
 * The trigrams a business key must contain to contain a substring, as pg_trgm writes them
 * (lower-case words of letters and digits, each padded with two spaces before and one after),
 * prefixed with the tenant as the index expression alur_tenant_trigrams does (migration
 * operate_tenant_indexes). A word touching the substring's start or end may continue in the key,
 * so that side is not padded. Only ASCII searches get trigrams: pg_trgm decides what a letter is
 * by the database locale, and a trigram the key lacks would hide a match; any other search reads
 * the tenant's keys with LIKE alone (which decides in both cases).
 */
export function substringTrigrams(tenant: string, search: string): string[] {
  const text = search.toLowerCase();
  if (!/^[\x20-\x7e]*$/.test(text)) return [];
  const words = text.split(/[^a-z0-9]+/);
  const out = new Set<string>();
  words.forEach((word, i) => {
    if (!word) return;
    // split() leaves an empty first/last word exactly when the text starts/ends with a separator.
    const padded = `${i === 0 ? '' : '  '}${word}${i === words.length - 1 ? '' : ' '}`;
    for (let k = 0; k + 3 <= padded.length; k++) out.add(`${tenant}|${padded.slice(k, k + 3)}`);
  });
  return [...out];
}
