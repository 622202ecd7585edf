/**
 * The preview's host page: the workbook's sheet tabs and the selected sheet's rows, read
 * from the emulator through /api, and the controls that change the world around the
 * sidebar (who is signed in, what time it is, responses arriving). Text goes in through
 * textContent only: sheet cells hold whatever respondents typed.
 */

interface State {
  user: string;
  users: string[];
  now: string;
  timeZone: string;
  spreadsheet: string;
  sidebarUrl: string;
  sheets: Array<{ id: number; name: string }>;
  forms: Array<{ formId: string; title: string }>;
}

interface SheetView {
  id: number;
  name: string;
  lastRow: number;
  lastColumn: number;
  rows: string[][];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let selectedSheet: number | null = null;
let sidebarOrigin = '';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const value = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(value.error ?? response.statusText);
  return value;
}

function say(text: string): void {
  $('status').textContent = text;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function fillSelect(select: HTMLSelectElement, options: Array<{ value: string; label: string }>, selected?: string): void {
  const keep = selected ?? select.value;
  select.replaceChildren(...options.map((option) => el('option', { value: option.value }, option.label)));
  if (options.some((option) => option.value === keep)) select.value = keep;
}

async function showSheet(id: number): Promise<void> {
  // The choice is recorded before the fetch, so a refresh already in flight keeps it, and
  // a response that a later choice has superseded is dropped.
  selectedSheet = id;
  const view = await api<SheetView>(`/api/sheet?id=${id}`);
  if (selectedSheet !== id) return;
  $('sheet-name').textContent = view.name;
  const width = view.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const head = el('tr');
  head.append(el('th', { scope: 'col' }, ''), ...Array.from({ length: width }, (_, i) => el('th', { scope: 'col' }, columnName(i))));
  const body = view.rows.map((row, r) => {
    const tr = el('tr');
    tr.append(el('th', { scope: 'row' }, String(r + 1)), ...row.map((cell) => el('td', { title: cell }, cell)));
    return tr;
  });
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  tbody.append(...body);
  $('grid').replaceChildren(thead, tbody);
  $('grid').setAttribute('aria-label', view.name);
  $('grid-note').textContent = view.rows.length < view.lastRow
    ? `«${view.name}»: показаны ${view.rows.length} из ${view.lastRow} строк`
    : `«${view.name}»: ${view.lastRow} строк, ${view.lastColumn} столбцов`;
  for (const tab of Array.from($('tabs').children)) tab.setAttribute('aria-selected', String(tab.getAttribute('data-sheet') === String(id)));
}

async function refresh(): Promise<State> {
  const state = await api<State>('/api/state');
  $('book-title').textContent = state.spreadsheet;
  $('now').textContent = new Date(state.now).toLocaleString('ru-RU', { timeZone: state.timeZone });
  $('now').setAttribute('datetime', state.now);
  fillSelect($('user'), state.users.map((user) => ({ value: user, label: user })), state.user);
  fillSelect($('form'), state.forms.map((form) => ({ value: form.formId, label: form.title })));
  const tabs = state.sheets.map((sheet) => {
    const tab = el('button', { type: 'button', role: 'tab', 'data-sheet': String(sheet.id), 'aria-selected': 'false' }, sheet.name);
    tab.addEventListener('click', () => void showSheet(sheet.id).catch((error: Error) => say(error.message)));
    return tab;
  });
  $('tabs').replaceChildren(...tabs);
  const current = state.sheets.find((sheet) => sheet.id === selectedSheet) ?? state.sheets.find((sheet) => sheet.name.startsWith('Настройки')) ?? state.sheets[0];
  if (current) await showSheet(current.id);
  return state;
}

function loadSidebar(url: string): void {
  sidebarOrigin = new URL(url).origin;
  const frame = $<HTMLIFrameElement>('sidebar');
  frame.src = `${url}?t=${Date.now()}`;
  $('sidebar-panel').hidden = false;
  $('sidebar-open').hidden = true;
}

function closeSidebar(): void {
  $<HTMLIFrameElement>('sidebar').src = 'about:blank';
  $('sidebar-panel').hidden = true;
  $('sidebar-open').hidden = false;
}

async function start(): Promise<void> {
  const state = await refresh();
  loadSidebar(state.sidebarUrl);

  $('clock-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const minutes = Number($<HTMLInputElement>('clock-minutes').value);
    api<{ now: string; fired: Array<{ handler: string; failed: boolean }> }>('/api/clock', { minutes })
      .then(async (result) => {
        await refresh();
        say(`Часы переведены на ${minutes} мин.; сработало триггеров по времени: ${result.fired.length}`);
      })
      .catch((error: Error) => say(error.message));
  });
  $('submit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const count = Number($<HTMLInputElement>('count').value);
    api<{ submitted: number; rejected: string[] }>('/api/submit', { formId: $<HTMLSelectElement>('form').value, count })
      .then(async (result) => {
        await refresh();
        say(`Отправлено ответов: ${result.submitted}${result.rejected.length ? `; форма не приняла: ${result.rejected.length}` : ''}`);
      })
      .catch((error: Error) => say(error.message));
  });
  $('user').addEventListener('change', () => {
    api<{ user: string }>('/api/user', { email: $<HTMLSelectElement>('user').value })
      .then(async (result) => {
        const next = await refresh();
        loadSidebar(next.sidebarUrl);
        say(`Пользователь: ${result.user}`);
      })
      .catch((error: Error) => say(error.message));
  });
  $('sidebar-close').addEventListener('click', closeSidebar);
  $('sidebar-open').addEventListener('click', () => void refresh().then((next) => loadSidebar(next.sidebarUrl)));

  // The bridge tells the page when a call finished (the sheets may have changed) and when
  // the sidebar called google.script.host.close().
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== sidebarOrigin) return;
    const data = event.data as { source?: string; type?: string };
    if (data?.source !== 'pdm-preview') return;
    if (data.type === 'close') closeSidebar();
    if (data.type === 'callDone') void refresh().catch((error: Error) => say(error.message));
  });
}

start().catch((error: Error) => say(error.message));
