import { DEFAULT_LANG, tr } from '../core/text/i18n';
import { MENU } from '../core/text/messages';
import type { SidebarInfo } from '../core/views/sidebar';

/** google.script.run endpoint. Result: what the sidebar needs to draw its frame. */
export function getSidebarInfo(): SidebarInfo {
  return { lang: DEFAULT_LANG, title: tr(MENU.sidebarTitle, DEFAULT_LANG) };
}
