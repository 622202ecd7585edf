/**
 * npm run screenshots — the user guide's pictures, taken from the local preview: the demo
 * district in the emulator, the sidebar opened on its own at the 300-px width Google Sheets
 * gives it, each panel in Russian and English. Writes docs/img/<panel>-<lang>.png.
 * The panels are found from the sidebar's own tab list, so a new panel gets its picture.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, Page } from 'playwright-core';
import { startPreview } from '../tools/preview/server';

const OUT = join(__dirname, '..', '..', 'docs', 'img');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const preview = await startPreview({ port: 0, teachers: 60, schools: 6 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 300, height: 700 }, deviceScaleFactor: 1 });
    // Nothing but the preview: the pictures must not depend on the network.
    await page.route('**/*', (route) => (new URL(route.request().url()).hostname.match(/^(localhost|127\.0\.0\.1)$/) ? route.continue() : route.abort()));
    await page.goto(`${preview.sidebarOrigin}/sidebar`);
    await page.locator('[role=tab]').first().waitFor();
    const ids = await page.locator('[role=tab]').evaluateAll((tabs) => tabs.map((tab) => tab.id.replace(/^tab-/, '')));
    for (const lang of ['ru', 'en']) {
      if (lang === 'en') await page.locator('.lang-switch').press('Enter');
      for (const id of ids) {
        await page.locator(`#tab-${id}`).press('Enter');
        await page.locator(`#tab-${id}[aria-selected=true]`).waitFor();
        // Loaded: the panel drew more than its title and no call is running.
        await page.waitForFunction("!document.querySelector('main .spinner') && document.querySelector('main').textContent.length > 80");
        await page.evaluate('window.scrollTo(0, 0)');
        const path = join(OUT, `${id}-${lang}.png`);
        // The top of a long panel is what the guide shows; the guide describes the rest.
        const height = await page.evaluate('document.documentElement.scrollHeight') as number;
        await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 300, height: Math.min(height, 1500) } });
        console.log(path);
      }
    }
    // Parts of long panels the guide shows as well: the survey response rates per school and
    // the preview of the next monthly summary, each scrolled into the viewport.
    for (const lang of ['en', 'ru']) {
      if (lang === 'ru') await page.locator('.lang-switch').press('Enter');
      await page.locator('#tab-surveys').press('Enter');
      await page.locator('.rates table').first().waitFor();
      await page.locator('.rates').first().evaluate((el) => el.scrollIntoView());
      await shot(page, `surveys-rates-${lang}`);
      await page.locator('#tab-mail').press('Enter');
      await page.locator('.mail-preview-show').press('Enter');
      // The call done (the panel keeps the last preview, whose frame is replaced on return).
      await page.waitForFunction("!document.querySelector('main .spinner') && !document.querySelector('.mail-preview-show').disabled");
      const frame = await (await page.waitForSelector('iframe.mail-frame')).contentFrame();
      await frame!.waitForLoadState('load');
      await page.locator('.mail-preview').evaluate((el) => el.scrollIntoView());
      // The email's sandboxed frame paints in a process of its own, after its load: taken
      // sooner, the picture shows the frame blank.
      await page.waitForTimeout(500);
      await shot(page, `mail-preview-${lang}`);
    }
    // The rubric with a block open, as the guide describes editing it.
    await page.locator('#tab-rubric').press('Enter');
    await page.locator('.rubric-block > summary').nth(2).press('Enter');
    await page.locator('.rubric-block[open] .rubric-edit').first().press('Enter');
    await page.locator('.rubric-editor').waitFor();
    await page.evaluate("document.querySelector('.rubric-editor').closest('li').scrollIntoView()");
    await page.screenshot({ path: join(OUT, 'rubric-edit-ru.png') });
    console.log(join(OUT, 'rubric-edit-ru.png'));
  } finally {
    await browser.close();
    await preview.close();
  }
}

/** The viewport as it is now. */
async function shot(page: Page, name: string): Promise<void> {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  console.log(path);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
