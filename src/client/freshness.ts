/**
 * The line under a panel's title saying when its figures were computed (the hourly run,
 * "recompute" or a recalculation stores them; opening a panel only reads them) and, when
 * they are out of date, why (answers or reports arrived, the district data edited, the
 * period ended), with a button to recompute.
 */
import type { Freshness, StaleReason } from '../core/views/snapshot';
import type { App } from './app';
import { h } from './dom';
import { lang, t } from './i18n';
import { call, withStatus } from './rpc';
import { button, statusLine } from './ui';

/** "2026-11-07T15:52:00" (the workbook's local time) as the user's language writes it. */
function when(iso: string): { date: string; time: string } {
  const [date = '', time = ''] = iso.split('T');
  const [year, month, day] = date.split('-');
  return { date: lang() === 'ru' ? `${day}.${month}.${year}` : date, time: time.slice(0, 5) };
}

const REASON_TEXT = { answers: 'staleAnswers', reports: 'staleReports', district: 'staleDistrict', period: 'stalePeriod' } as const satisfies Record<StaleReason, string>;

/** A stale one offers to recompute, unless the panel has its own action for it (`withButton`: false, the Overview). */
export function freshnessLine(freshness: Freshness, app: App, reload: () => void, withButton = true): HTMLElement {
  const offer = withButton && freshness.stale;
  const status = statusLine();
  const recompute = button(t('recomputeNow'), async () => {
    const done = await withStatus(status, () => call('refreshIndicators'), [recompute]);
    if (done) { app.invalidate(); reload(); }
  });
  return h('div', { class: freshness.stale ? 'freshness stale' : 'freshness', 'data-freshness': freshness.stale ? 'stale' : 'fresh' }, [
    h('p', {}, [t('computedAt', when(freshness.computedAt)),
      freshness.stale ? ` ${t('staleSince', { reasons: freshness.reasons.map((reason) => t(REASON_TEXT[reason])).join(', ') })}` : '']),
    offer ? h('p', {}, [recompute]) : null,
    offer ? status : null,
  ]);
}
