/**
 * The language the CLI writes its messages in. A command line has no Accept-Language; it has the
 * locale the person set for every program on the machine, read in POSIX's order (LC_ALL, then
 * LC_MESSAGES, then LANG): `LANG=id_ID.UTF-8 npx alur pack validate …` answers in Bahasa Indonesia.
 * Anything else (unset, `C`, `en_US.UTF-8`) is English, as the server answers programs that send
 * no preference — the CLI runs in scripts and CI as often as in a terminal.
 */
import type { Lang } from '../messages/index.js';
import { loadLocale } from '../config.js';

/** `env` for specs; the CLI passes none and gets the process's (read by config.ts, the one module that reads it). */
export function cliLang(env?: NodeJS.ProcessEnv): Lang {
  const locale = loadLocale(env);
  const primary = locale.toLowerCase().split(/[_.@-]/)[0];
  return primary === 'id' || primary === 'in' ? 'id' : 'en';
}
