/**
 * The sidebar's frame: a header with the title and the language switch, a tab list of
 * panels and the shown panel. A panel is one entry of PANELS: adding one is a module
 * with `id`, `title` and `show`, and a line in panels.ts.
 */
import type { SidebarInfo } from '../shared/api';
import { h, replace } from './dom';
import { lang, onLangChange, setLang, t } from './i18n';
import { TEXT } from './text';

export interface App {
  info: SidebarInfo;
  /** The id of the panel shown: a late answer must not draw over another panel. */
  current(): string;
  /** Shows a panel by id. */
  go(id: string): void;
  /** Something changed on the server (settings saved, a form created): panels reload when next shown. */
  invalidate(): void;
  /** Increases on each invalidate(); a panel reloads when its data is older. */
  generation: number;
}

export interface Panel {
  id: string;
  title: keyof typeof TEXT;
  /** Shown only once the workbook is set up. */
  needsSetup: boolean;
  /** Draws the panel into `root`; called when shown and when the language changes. */
  show(root: HTMLElement, app: App): void;
}

export function startApp(info: SidebarInfo, panels: readonly Panel[]): App {
  const header = h('header', { class: 'app-header' });
  const nav = h('div', { role: 'tablist', class: 'tabs' });
  const main = h('main', { id: 'panel', role: 'tabpanel', tabindex: '-1' });
  replace(document.body, [header, nav, main]);

  let currentId = info.setUp ? 'overview' : 'setup';
  const app: App = {
    info,
    generation: 0,
    current: () => currentId,
    go(id) {
      currentId = id;
      draw(true);
    },
    invalidate() {
      app.generation++;
    },
  };

  const visible = () => panels.filter((panel) => !panel.needsSetup || app.info.setUp);

  function drawHeader(): void {
    const other = lang() === 'ru' ? 'en' : 'ru';
    replace(header, [
      h('h1', {}, t('appTitle')),
      h('button', {
        type: 'button', class: 'lang-switch', lang: other,
        'aria-label': t('switchLanguage'),
        onclick: () => setLang(other),
      }, other === 'en' ? 'English' : 'Русский'),
    ]);
  }

  function drawTabs(focus: boolean): void {
    const shown = visible();
    const tabs = shown.map((panel) => h('button', {
      type: 'button', role: 'tab', id: `tab-${panel.id}`,
      'aria-selected': panel.id === currentId ? 'true' : 'false',
      'aria-controls': 'panel',
      tabindex: panel.id === currentId ? '0' : '-1',
      onclick: () => app.go(panel.id),
      // Arrow keys move between tabs, as the ARIA tabs pattern says.
      onkeydown: (event: Event) => {
        const key = (event as KeyboardEvent).key;
        const at = shown.indexOf(panel);
        const next = key === 'ArrowRight' ? shown[(at + 1) % shown.length]
          : key === 'ArrowLeft' ? shown[(at - 1 + shown.length) % shown.length]
            : key === 'Home' ? shown[0] : key === 'End' ? shown[shown.length - 1] : null;
        if (!next) return;
        event.preventDefault();
        app.go(next.id);
        document.getElementById(`tab-${next.id}`)?.focus();
      },
    }, t(panel.title)));
    replace(nav, tabs);
    nav.setAttribute('aria-label', t('panels'));
    if (focus) document.getElementById(`tab-${currentId}`)?.focus();
  }

  function draw(fromNavigation: boolean): void {
    const panel = visible().find((p) => p.id === currentId) ?? visible()[0];
    currentId = panel.id;
    drawHeader();
    drawTabs(false);
    main.setAttribute('aria-labelledby', `tab-${panel.id}`);
    replace(main, []);
    panel.show(main, app);
    if (fromNavigation) document.getElementById(`tab-${panel.id}`)?.focus();
  }

  onLangChange(() => {
    const focused = document.activeElement?.classList.contains('lang-switch');
    draw(false);
    if (focused) (header.querySelector('.lang-switch') as HTMLElement | null)?.focus();
  });
  draw(false);
  return app;
}
