/**
 * The small FEEL switch beside a properties-panel label says what it does on hover ("Click to set
 * a dynamic value with FEEL expression"). @bpmn-io/properties-panel builds that title with its
 * English fallback because the Zeebe entries do not hand it a translate function, so the designer
 * translates the title in the panel's DOM whenever the panel draws or switches it.
 */
import { translate } from '../i18n/translate-module.js';

const SWITCHES = '.bio-properties-panel-feel-icon[title]';

/** Watches `panel` and translates each FEEL switch's title; returns the stop. */
export function translateFeelSwitchTitles(panel: HTMLElement): () => void {
  const apply = () => panel.querySelectorAll<HTMLElement>(SWITCHES).forEach((button) => {
    const title = button.getAttribute('title') ?? '';
    const translated = translate(title);
    if (translated !== title) button.setAttribute('title', translated);
  });
  const observer = new MutationObserver(apply);
  observer.observe(panel, { childList: true, subtree: true, attributes: true, attributeFilter: ['title'] });
  apply();
  return () => observer.disconnect();
}
