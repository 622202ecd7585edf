import { DEFAULT_LANG, tr } from '../core/text/i18n';
import { MENU } from '../core/text/messages';
import { PRIVACY_K } from '../core/aggregate';
import { presetOptions, SidebarInfo } from '../core/views/sidebar';
import { contextOf, isSetUp } from './context';

/**
 * google.script.run endpoint. Result: what the sidebar needs to draw its frame and the
 * setup form: the workbook's language, whether it is set up, the presets to choose from.
 */
export function getSidebarInfo(): SidebarInfo {
  const context = contextOf();
  const lang = context?.lang ?? DEFAULT_LANG;
  return {
    lang, title: tr(MENU.sidebarTitle, lang), setUp: isSetUp(context),
    presets: presetOptions(), defaultPrivacyThreshold: PRIVACY_K,
  };
}
