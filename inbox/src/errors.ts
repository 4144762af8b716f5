/** Turns a failed call into a sentence for the user, in their language. Wording only. */
import { ApiError } from './api.js';
import { t } from './i18n/index.js';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 403) return t('error.forbidden');
    if (error.status === 404) return t('error.notFound');
    if (error.status === 409) return t('error.conflict');
    return t('error.generic', { detail: error.message });
  }
  return t('error.generic', { detail: error instanceof Error ? error.message : String(error) });
}
