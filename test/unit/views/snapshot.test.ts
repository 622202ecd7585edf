import fc from 'fast-check';
import { freshnessOf, PanelSnapshot, snapshotCells, snapshotFromCells } from '../../../src/core/views/snapshot';

function snapshot(text: string, repeat: number): PanelSnapshot {
  return {
    version: 1, computedAt: '2026-03-02T10:00:00', settingsKey: '{}', rows: { 'scores:boyko': 12 },
    result: { preset: 'krymsk', periodKind: 'quarter', periods: ['2026-Q1'], currentPeriod: '2026-Q1', privacyThreshold: 5, values: [], missingReports: [text], responseRates: [] },
    burnout: { '': { school: text.repeat(repeat) } as never },
    results: { '': { note: text } as never },
  };
}

describe('the panels snapshot in cells', () => {
  test('comes back whole from its cells, each marked and under the cell limit, whatever text it quotes', () => {
    fc.assert(fc.property(
      fc.oneof(fc.string(), fc.constantFrom('=IMPORTXML("x")', '<img src=x onerror=alert(1)>', '2026-03-01', '+7', '\u0000"\\')),
      fc.integer({ min: 1, max: 40_000 }),
      (text, repeat) => {
        const kept = snapshot(text, text.length === 0 ? 1 : Math.ceil(repeat / text.length));
        const cells = snapshotCells(kept);
        for (const cell of cells) {
          expect(cell.startsWith('j')).toBe(true);
          expect(cell.length).toBeLessThanOrEqual(50_000);
        }
        expect(snapshotFromCells([...cells, '', ''])).toEqual(kept);
      },
    ), { numRuns: 60 });
  });

  test('a cell lost, edited or unmarked, or another version, gives none', () => {
    const cells = snapshotCells(snapshot('МБОУ СОШ № 1', 30_000));
    expect(cells.length).toBeGreaterThan(1);
    expect(snapshotFromCells(cells.slice(1))).toBeNull();
    expect(snapshotFromCells([cells[0].slice(1), ...cells.slice(1)])).toBeNull();
    expect(snapshotFromCells([...cells.slice(0, -1), 'j{'])).toBeNull();
    // A chunk emptied or left out in the middle, or two swapped: the rest may still parse.
    const many = snapshotCells(snapshot('{"a":[1,2]},', 120_000));
    expect(many.length).toBeGreaterThan(3);
    for (let i = 0; i < many.length - 1; i++) {
      expect(snapshotFromCells(many.map((cell, j) => (j === i ? '' : cell)))).toBeNull();
      expect(snapshotFromCells(many.filter((_, j) => j !== i))).toBeNull();
      expect(snapshotFromCells([...many.slice(0, i), many[i + 1], many[i], ...many.slice(i + 2)])).toBeNull();
    }
    expect(snapshotFromCells([])).toBeNull();
    expect(snapshotFromCells(snapshotCells({ ...snapshot('x', 1), version: 0 }))).toBeNull();
  });

  test('stale when a scores sheet grew or shrank, a report waits, or the current period ended', () => {
    const kept = snapshot('x', 1);
    const now = { today: '2026-03-20', rows: { 'scores:boyko': 12 }, reportsDue: false };
    expect(freshnessOf(kept, now)).toEqual({ computedAt: '2026-03-02T10:00:00', stale: false });
    expect(freshnessOf(kept, { ...now, rows: { 'scores:boyko': 13 } }).stale).toBe(true);
    expect(freshnessOf(kept, { ...now, rows: { 'scores:boyko': 12, 'scores:network': 2 } }).stale).toBe(true);
    expect(freshnessOf(kept, { ...now, reportsDue: true }).stale).toBe(true);
    expect(freshnessOf(kept, { ...now, today: '2026-04-01' }).stale).toBe(true);
  });
});
