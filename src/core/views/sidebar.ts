/** What the sidebar needs to draw its frame before anything else loads. */
import { Lang } from '../text/i18n';

export interface SidebarInfo {
  lang: Lang;
  title: string;
}
