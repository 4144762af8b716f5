/**
 * The words of the header both apps share (app-header.ts), in Bahasa Indonesia and English: the
 * apps' names, the account link, the language picker, signing out and the phone's menu of them. The apps' own strings stay
 * in their own dictionaries; these exist once so the designer and the inbox cannot drift apart.
 */
export type HeaderLang = 'id' | 'en';

/** Where both apps keep the chosen language (localStorage), so a switch in one holds in the other. */
export const LANG_STORAGE_KEY = 'alur.lang';

export const headerStrings = {
  id: {
    inboxName: 'Kotak Tugas',
    designerName: 'Perancang Proses',
    skip: 'Langsung ke isi',
    account: 'Akun saya',
    groups: 'Grup: {groups}',
    language: 'Bahasa',
    logout: 'Keluar',
    menu: 'Menu lainnya',
  },
  en: {
    inboxName: 'Task inbox',
    designerName: 'Process designer',
    skip: 'Skip to content',
    account: 'My account',
    groups: 'Groups: {groups}',
    language: 'Language',
    logout: 'Sign out',
    menu: 'More',
  },
} satisfies Record<HeaderLang, Record<string, string>>;

export type HeaderKey = keyof typeof headerStrings.id;

export function headerText(lang: HeaderLang, key: HeaderKey, values: Record<string, string> = {}): string {
  return headerStrings[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
