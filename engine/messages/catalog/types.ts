/**
 * The shape of a catalog entry: the same message in Bahasa Indonesia and English. A template is
 * a string with `{name}` placeholders, or a function of the rendered values when the wording
 * depends on a number (English plurals); `raw` holds the parameters as given.
 */
export type Template = string | ((values: Record<string, string>, raw: Record<string, unknown>) => string);

/**
 * `fragment`: a word or phrase used inside other messages, so it may start with a lower-case letter.
 * `verbatim`: the message is someone else's words passed through (a worker's failure): written as
 * given, not capitalised.
 * `nameFirst`: the message starts with a field's name, written as the request wrote it (`dryRun`,
 * `roles[0]`): a name given as a plain string is not capitalised; a text in its place (a fragment
 * such as "the request body") still is.
 */
export interface Entry { id: Template; en: Template; fragment?: true; verbatim?: true; nameFirst?: true }

export type Catalog = Record<string, Entry>;
