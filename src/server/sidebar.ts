import { DEFAULT_LANG, tr } from '../core/text/i18n';
import { MENU } from '../core/text/messages';
import { PRIVACY_K } from '../core/aggregate';
import { presetOptions, SidebarInfo } from '../core/views/sidebar';
import { contextOf } from './context';

/**
 * google.script.run endpoint. Result: what the sidebar needs to draw its frame and the
 * setup form: the workbook's language, whether it is set up, the presets to choose from.
 */
export function getSidebarInfo(): SidebarInfo {
  const layout = contextOf()?.layout;
  const lang = layout?.lang ?? DEFAULT_LANG;
  return {
    lang, title: tr(MENU.sidebarTitle, lang), setUp: layout?.sheets.settings !== undefined,
    presets: presetOptions(), defaultPrivacyThreshold: PRIVACY_K,
  };
}
