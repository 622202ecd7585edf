import { startApp } from './app';
import { h, replace } from './dom';
import { initLang, t } from './i18n';
import { PANELS } from './panels';
import { resumeRecalculation } from './panel-health';
import { call } from './rpc';

async function start(): Promise<void> {
  const status = document.getElementById('status');
  try {
    const info = await call('getSidebarInfo');
    initLang(info.lang);
    const app = startApp(info, PANELS);
    if (info.setUp) void resumeRecalculation(app);
  } catch (error) {
    if (status) {
      status.className = 'status error';
      replace(status, [h('span', {}, t('failed')), ' ', error instanceof Error ? error.message : String(error)]);
    }
  }
}

void start();
