import fc from 'fast-check';
import { districtFingerprint, freshnessOf, PanelSnapshot, snapshotCells, snapshotFromCells } from '../../../src/core/views/snapshot';

function snapshot(text: string, repeat: number): PanelSnapshot {
  return {
    version: 2, computedAt: '2026-03-02T10:00:00', settingsKey: '{}', rows: { 'scores:boyko': 12 }, district: 'd1',
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
    // One of the version before the district data counted: computed again, not taken as fresh.
    const { district: _, ...older } = { ...snapshot('x', 1), version: 1 };
    expect(snapshotFromCells(snapshotCells(older as PanelSnapshot))).toBeNull();
  });

  test('stale when a scores sheet grew or shrank, a report waits, the district data changed, or the current period ended', () => {
    const kept = snapshot('x', 1);
    const now = { today: '2026-03-20', rows: { 'scores:boyko': 12 }, reportsDue: false, district: 'd1' };
    expect(freshnessOf(kept, now)).toEqual({ computedAt: '2026-03-02T10:00:00', stale: false, reasons: [] });
    expect(freshnessOf(kept, { ...now, rows: { 'scores:boyko': 13 } }).stale).toBe(true);
    expect(freshnessOf(kept, { ...now, rows: { 'scores:boyko': 12, 'scores:network': 2 } }).stale).toBe(true);
    expect(freshnessOf(kept, { ...now, reportsDue: true }).stale).toBe(true);
    expect(freshnessOf(kept, { ...now, today: '2026-04-01' }).stale).toBe(true);
    expect(freshnessOf(kept, { ...now, district: 'd2' }).stale).toBe(true);
    // Each reason said, in a fixed order, however many hold.
    expect(freshnessOf(kept, { ...now, district: 'd2' }).reasons).toEqual(['district']);
    expect(freshnessOf(kept, { today: '2026-04-01', rows: { 'scores:boyko': 11 }, reportsDue: true, district: 'd2' }).reasons)
      .toEqual(['answers', 'reports', 'district', 'period']);
  });

  test('the district data fingerprint changes with any one cell, and not with empty rows at the end', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(''),
      fc.constantFrom('=IMPORTXML("x")', '<img src=x onerror=alert(1)>'), fc.date({ noInvalidDate: true }));
    fc.assert(fc.property(
      fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
      fc.nat(), fc.nat(2), cell, fc.nat(3),
      (grid, rowPick, column, value, blank) => {
        const row = rowPick % grid.length;
        const before = districtFingerprint(grid);
        expect(districtFingerprint([...grid, ...Array.from({ length: blank }, () => ['', null, ''])])).toBe(before);
        const edited = grid.map((cells, r) => cells.map((old, c) => (r === row && c === column ? value : old)));
        const same = JSON.stringify(edited) === JSON.stringify(grid)
          // An edit that empties the last non-empty row is the same as that row not being there.
          || JSON.stringify(edited.filter((cells) => cells.some((v) => v !== ''))) === JSON.stringify(grid.filter((cells) => cells.some((v) => v !== '')));
        if (!same) expect(districtFingerprint(edited)).not.toBe(before);
      },
    ), { numRuns: 300 });
    expect(districtFingerprint([])).toBe(districtFingerprint([['', '']]));
  });
});
