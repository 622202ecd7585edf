import { call } from './rpc';

/** Text into the page only through textContent: server data is never parsed as HTML. */
function setText(id: string, text: string): void {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}

async function start(): Promise<void> {
  try {
    const info = await call('getSidebarInfo');
    document.documentElement.lang = info.lang;
    setText('title', info.title);
  } catch (error) {
    setText('status', error instanceof Error ? error.message : String(error));
  }
}

void start();
