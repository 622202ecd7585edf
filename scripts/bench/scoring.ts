/**
 * Scoring speed: Boyko responses scored per second in memory (target ≥ 500,000/s), the
 * same from answer texts, and a 10,000-row export taken from bytes to JSON lines through
 * the score command (target < 1 s).
 */
import { runScore } from '../../src/cli/score';
import { CliIo } from '../../src/cli/io';
import { toCsv } from '../../src/core/text/csv';
import { AGE_BANDS, BOYKO, BOYKO_ITEM_COUNT, boykoItemKey, EXPERIENCE_BANDS, instrumentItems } from '../../src/core/instruments';
import { scoreBoyko, scoreResponse, YESNO_MISSING, YESNO_NO, YESNO_YES } from '../../src/core/scoring';
import type { Metric } from './metric';

/** Deterministic pseudo-random numbers, so every run scores the same responses. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Varied responses: each respondent has their own "yes" tendency; 1 in 50 skips an item. */
export function syntheticCodes(count: number): Uint8Array[] {
  const rnd = random(84);
  return Array.from({ length: count }, (_, r) => {
    const tendency = rnd();
    const codes = new Uint8Array(BOYKO_ITEM_COUNT);
    for (let i = 0; i < BOYKO_ITEM_COUNT; i++) codes[i] = rnd() < tendency ? YESNO_YES : YESNO_NO;
    if (r % 50 === 0) codes[Math.floor(rnd() * BOYKO_ITEM_COUNT)] = YESNO_MISSING;
    return codes;
  });
}

/** Calls `once(i)` in batches for at least `ms` after a warm-up; returns calls per second. */
function rate(once: (i: number) => number, ms = 1000): number {
  let sink = 0;
  for (let i = 0; i < 50_000; i++) sink += once(i);
  let calls = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let j = 0; j < 10_000; j++) sink += once(calls + j);
    calls += 10_000;
    elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  }
  if (sink === -1) console.log(sink); // keeps the results alive
  return Math.round((calls / elapsed) * 1000);
}

/** The header of a Google Forms export of Boyko responses: timestamp, profile, numbered titles. */
export function exportHeader(): string {
  return toCsv([['Отметка времени', ...instrumentItems(BOYKO).map((item) => item.title.ru)]]).replace(/\r\n/g, '\n');
}

/** Data row `r` of such an export, answering with `codes`. */
export function exportRow(r: number, codes: Uint8Array): string {
  const answers = Array.from(codes, (code) => (code === YESNO_YES ? 'Да' : code === YESNO_NO ? 'Нет' : ''));
  return toCsv([[
    `${String((r % 28) + 1).padStart(2, '0')}.03.2025 10:${String(r % 60).padStart(2, '0')}:00`,
    `Школа № ${(r % 12) + 1}`,
    ['Математика', 'Русский язык', 'История', 'Физика'][r % 4],
    AGE_BANDS[r % AGE_BANDS.length].label.ru,
    EXPERIENCE_BANDS[r % EXPERIENCE_BANDS.length].label.ru,
    ...answers,
  ]]).replace(/\r\n/g, '\n');
}

/** A Google Forms export of `rows` Boyko responses. */
function exportText(rows: number): string {
  return exportHeader() + syntheticCodes(rows).map((codes, r) => exportRow(r, codes)).join('');
}

function endToEndMs(bytes: Uint8Array): number {
  let out = 0;
  const io: CliIo = { readFile: () => bytes, stdout: (t) => (out += t.length), stderr: () => undefined, lang: 'ru' };
  const started = process.hrtime.bigint();
  const code = runScore(['boyko', 'bench.csv'], io);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== 0 || out === 0) throw new Error('the benchmark export was not scored');
  return ms;
}

export async function run(): Promise<Metric[]> {
  const pool = syntheticCodes(4096);
  const perSecond = rate((i) => scoreBoyko(pool[i & 4095]).dominant.length);

  const texts = pool.map((codes) => {
    const answers: Record<string, string> = { 'profile.school': 'Школа № 1', 'profile.ageBand': '25–34 года' };
    codes.forEach((code, i) => (answers[boykoItemKey(i + 1)] = code === YESNO_YES ? 'Да' : code === YESNO_NO ? 'Нет' : ''));
    return answers;
  });
  const textPerSecond = rate((i) => scoreResponse(BOYKO, texts[i & 4095]).missing.length);

  const bytes = new TextEncoder().encode(exportText(10_000));
  endToEndMs(bytes); // warm-up
  const runs = [endToEndMs(bytes), endToEndMs(bytes), endToEndMs(bytes)].sort((a, b) => a - b);

  return [
    { metric: 'boyko_scored_per_second', value: perSecond, unit: 'responses/s' },
    { metric: 'boyko_scored_from_text_per_second', value: textPerSecond, unit: 'responses/s' },
    { metric: 'boyko_export_10000_rows_end_to_end_ms', value: Number(runs[1].toFixed(1)), unit: 'ms' },
  ];
}
