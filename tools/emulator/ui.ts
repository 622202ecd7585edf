/**
 * The spreadsheet's Ui (SpreadsheetApp.getUi()): menus, alerts, prompts, the sidebar and
 * dialogs. Everything shown is recorded in `state` for tests, which also pre-set the
 * answers the user gives to alerts and prompts. Menus work under AuthMode.NONE, as the
 * add-on menu must (onOpen of a not-yet-authorized add-on).
 */
import { instrument, Runtime } from './kernel';
import { unwrapHtmlOutput } from './html';
import { enumOf, signatureMismatch } from './support';

type UiApi = Pick<
  GoogleAppsScript.Base.Ui,
  'Button' | 'ButtonSet' | 'alert' | 'prompt' | 'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'
>;
type MenuApi = Pick<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'>;

export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
type ButtonName = keyof typeof Button;
type ButtonSetName = keyof typeof ButtonSet;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  caption: string;
  /** True for the add-on's own menu under Extensions. */
  addOn: boolean;
  entries: MenuEntry[];
}

export interface ShownHtml {
  title: string;
  content: string;
  width: number | null;
  height: number | null;
}

export interface UiState {
  menus: MenuRecord[];
  sidebars: ShownHtml[];
  dialogs: Array<ShownHtml & { modal: boolean }>;
  alerts: Array<{ title: string; prompt: string; buttons: ButtonSetName; answer: ButtonName }>;
  prompts: Array<{ title: string; prompt: string; buttons: ButtonSetName; answer: { button: ButtonName; text: string } }>;
  /** Answers the user will give to the next alerts, in order (default: the first button). */
  alertAnswers: ButtonName[];
  /** Answers to the next prompts, in order (default: OK with empty text). */
  promptAnswers: Array<{ button: ButtonName; text: string }>;
  /** The function name behind a menu item, searched by caption through submenus. */
  findItem(caption: string): string | null;
  /** The last sidebar shown, if any. */
  lastSidebar(): ShownHtml | null;
}

const FIRST_BUTTON: Record<ButtonSetName, ButtonName> = { OK: 'OK', OK_CANCEL: 'OK', YES_NO: 'YES', YES_NO_CANCEL: 'YES' };
const SET_BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

class EmuMenu implements MenuApi {
  /** The instrumented proxy, returned by the chaining methods. */
  _self: GoogleAppsScript.Base.Menu | null = null;
  readonly _record: MenuRecord;

  constructor(
    private readonly _state: UiState,
    caption: string,
    addOn: boolean,
  ) {
    this._record = { caption, addOn, entries: [] };
  }

  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw signatureMismatch('Menu.addItem', [caption, functionName]);
    this._record.entries.push({ kind: 'item', caption, functionName });
    return this.me();
  }

  addSeparator(): GoogleAppsScript.Base.Menu {
    this._record.entries.push({ kind: 'separator' });
    return this.me();
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    const sub = (menu as unknown as { _record?: MenuRecord })._record;
    if (!sub) throw signatureMismatch('Menu.addSubMenu', [menu]);
    this._record.entries.push({ kind: 'submenu', menu: sub });
    return this.me();
  }

  addToUi(): void {
    // Re-adding replaces the menu (onOpen runs on every open), it does not duplicate it.
    const menus = this._state.menus;
    const i = menus.findIndex((m) => (this._record.addOn ? m.addOn : !m.addOn && m.caption === this._record.caption));
    const snapshot = structuredClone(this._record);
    if (i >= 0) menus[i] = snapshot;
    else menus.push(snapshot);
  }

  private me(): GoogleAppsScript.Base.Menu {
    if (!this._self) throw new Error('Menu used before instrumentation');
    return this._self;
  }
}

function shown(x: unknown, method: string, args: unknown[]): ShownHtml {
  const out = unwrapHtmlOutput(x);
  if (!out) throw signatureMismatch(method, args);
  return { title: out._title, content: out._content, width: out._width, height: out._height };
}

function isButtonSet(x: unknown): x is ButtonSetName {
  return typeof x === 'string' && x in ButtonSet;
}

export function createUi(runtime: Runtime, options: { addOnName?: string } = {}): { ui: GoogleAppsScript.Base.Ui; state: UiState } {
  const addOnName = options.addOnName ?? 'PD Monitor';
  const state: UiState = {
    menus: [],
    sidebars: [],
    dialogs: [],
    alerts: [],
    prompts: [],
    alertAnswers: [],
    promptAnswers: [],
    findItem(caption) {
      const search = (entries: MenuEntry[]): string | null => {
        for (const e of entries) {
          if (e.kind === 'item' && e.caption === caption) return e.functionName;
          if (e.kind === 'submenu') {
            const found = search(e.menu.entries);
            if (found !== null) return found;
          }
        }
        return null;
      };
      for (const m of state.menus) {
        const found = search(m.entries);
        if (found !== null) return found;
      }
      return null;
    },
    lastSidebar() {
      return state.sidebars[state.sidebars.length - 1] ?? null;
    },
  };

  const newMenu = (caption: string, addOn: boolean): GoogleAppsScript.Base.Menu => {
    const target = new EmuMenu(state, caption, addOn);
    const proxy = instrument(target, 'Menu', runtime.counter) as unknown as GoogleAppsScript.Base.Menu;
    target._self = proxy;
    return proxy;
  };

  /** alert/prompt accept (prompt), (prompt, buttons) and (title, prompt, buttons). */
  const dialogArgs = (method: string, args: unknown[], defaultSet: ButtonSetName): { title: string; prompt: string; buttons: ButtonSetName } => {
    const [a, b, c] = args;
    if (args.length === 1 && typeof a === 'string') return { title: '', prompt: a, buttons: defaultSet };
    if (args.length === 2 && typeof a === 'string' && isButtonSet(b)) return { title: '', prompt: a, buttons: b };
    if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && isButtonSet(c)) return { title: a, prompt: b, buttons: c };
    throw signatureMismatch(method, args);
  };

  const ui: UiApi = {
    Button: Button as unknown as typeof GoogleAppsScript.Base.Button,
    ButtonSet: ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet,
    alert(...args: unknown[]) {
      const d = dialogArgs('Ui.alert', args, 'OK');
      const answer = state.alertAnswers.shift() ?? FIRST_BUTTON[d.buttons];
      if (!SET_BUTTONS[d.buttons].includes(answer)) throw new Error(`test answer ${answer} is not a button of ${d.buttons}`);
      state.alerts.push({ ...d, answer });
      return answer as unknown as GoogleAppsScript.Base.Button;
    },
    prompt(...args: unknown[]) {
      const d = dialogArgs('Ui.prompt', args, 'OK');
      const answer = state.promptAnswers.shift() ?? { button: FIRST_BUTTON[d.buttons], text: '' };
      state.prompts.push({ ...d, answer });
      return instrument(
        { getResponseText: () => answer.text, getSelectedButton: () => answer.button as unknown as GoogleAppsScript.Base.Button },
        'PromptResponse',
        runtime.counter,
      ) as GoogleAppsScript.Base.PromptResponse;
    },
    createAddonMenu() {
      return newMenu(addOnName, true);
    },
    createMenu(caption: string) {
      if (typeof caption !== 'string') throw signatureMismatch('Ui.createMenu', [caption]);
      return newMenu(caption, false);
    },
    showSidebar(userInterface: unknown) {
      state.sidebars.push(shown(userInterface, 'Ui.showSidebar', [userInterface]));
    },
    showModalDialog(userInterface: unknown, title: string) {
      const s = shown(userInterface, 'Ui.showModalDialog', [userInterface, title]);
      state.dialogs.push({ ...s, title: String(title), modal: true });
    },
    showModelessDialog(userInterface: unknown, title: string) {
      const s = shown(userInterface, 'Ui.showModelessDialog', [userInterface, title]);
      state.dialogs.push({ ...s, title: String(title), modal: false });
    },
  } as UiApi;

  return { ui: instrument(ui, 'Ui', runtime.counter) as unknown as GoogleAppsScript.Base.Ui, state };
}
