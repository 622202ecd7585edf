import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorFields, INDICATORS, operandMeasures } from '../../../src/core/indicators/catalog';
import { fieldById } from '../../../src/core/indicators/fields';
import { measureById, MEASURES } from '../../../src/core/indicators/measures';
import { SeedId } from '../../../src/core/indicators/types';
import {
  formatSchedule,
  isDueInMonth,
  monitoringsDueIn,
  PRESET_IDS,
  presetById,
  PRESETS,
  statesTiming,
} from '../../../src/core/presets';
import { REGISTERS } from '../../../src/core/rubric';

describe('the indicator catalog', () => {
  test('ids are unique; every indicator names its seeds, title in both languages, and what it reads exists', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    for (const indicator of INDICATORS) {
      expect(indicator.seeds.length).toBeGreaterThan(0);
      expect(indicator.title.ru).not.toBe('');
      expect(indicator.title.en).not.toBe('');
      for (const field of indicatorFields(indicator)) expect(fieldById(field)).toBeDefined();
      const measures = [...operandMeasures(indicator.numerator), ...(indicator.denominator ? operandMeasures(indicator.denominator) : [])];
      for (const measure of measures) expect(measureById(measure)?.instrument).toBe(indicator.source.replace('survey:', ''));
      if (indicator.source.startsWith('survey:')) expect(measures.length).toBeGreaterThan(0);
      if (indicator.kind === 'share' || indicator.kind === 'mean') expect(indicator.denominator).toBeDefined();
      if (indicator.kind === 'share') expect(indicator.unit).toBe('%');
    }
  });

  test('district indicators read district fields only; school indicators school fields only', () => {
    for (const indicator of INDICATORS) {
      const levels = new Set(indicatorFields(indicator).map((id) => fieldById(id)!.level));
      if (indicator.source === 'district_report') expect([...levels]).toEqual(['district']);
      if (indicator.source === 'school_report') expect([...levels]).toEqual(['school']);
    }
  });

  test('the seeds where two documents name the same indicator share one entry', () => {
    const diagnosed = INDICATORS.find((i) => i.id === 'deficits.diagnosed_share')!;
    expect(diagnosed.seeds).toEqual(['001_krymsk', '002_kbr', '003_krasnodar', '004_verkhnekamsk']);
    expect(diagnosed.subjectBreakdown).toBe(true);
    // 000 counts only diagnostics «на региональном уровне»: a number of its own, not the same entry.
    const regional = INDICATORS.find((i) => i.id === 'deficits.diagnosed_regional_share')!;
    expect(regional.seeds).toEqual(['000_amur']);
    expect(regional.numerator).toEqual({ field: 'teachers_diagnosed_regional' });
    expect(INDICATORS.find((i) => i.id === 'network.teachers_share')!.seeds).toHaveLength(4);
  });

  test('every survey measure an indicator reads is a documented measure', () => {
    const used = new Set(INDICATORS.flatMap((i) => operandMeasures(i.numerator)));
    for (const id of used) expect(MEASURES.map((m) => m.id)).toContain(id);
  });
});

describe('presets', () => {
  const seedOf: Record<string, SeedId> = {
    amur: '000_amur',
    krymsk: '001_krymsk',
    kbr: '002_kbr',
    krasnodar: '003_krasnodar',
    verkhnekamsk: '004_verkhnekamsk',
  };

  test('one preset per seed district plus custom', () => {
    expect(PRESET_IDS).toEqual(['amur', 'krymsk', 'kbr', 'krasnodar', 'verkhnekamsk', 'custom']);
  });

  test.each(Object.entries(seedOf))('%s lists exactly the indicators of its seed', (id, seed) => {
    const preset = presetById(id)!;
    expect(preset.seeds).toEqual([seed]);
    expect([...preset.indicators].sort()).toEqual(INDICATORS.filter((i) => i.seeds.includes(seed)).map((i) => i.id).sort());
  });

  test('Amur has the nine indicators of its document', () => {
    expect(presetById('amur')!.indicators).toHaveLength(9);
  });

  test('custom starts from every indicator', () => {
    expect(presetById('custom')!.indicators).toEqual(INDICATORS.map((i) => i.id));
  });

  test.each(PRESETS.map((p) => [p.id, p] as const))('%s: each indicator is monitored by exactly one cyclogram entry', (_id, preset) => {
    const monitored = preset.cyclogram.flatMap((entry) => entry.indicators);
    expect([...monitored].sort()).toEqual([...preset.indicators].sort());
    expect(new Set(preset.cyclogram.map((e) => e.id)).size).toBe(preset.cyclogram.length);
  });

  test('Krymsk cyclogram: deficits September, routes October, retraining November, mentoring April, network March, staffing August, experts per plan', () => {
    const krymsk = presetById('krymsk')!;
    const due = (month: number) => monitoringsDueIn(krymsk, month).map((e) => e.id);
    expect(due(9)).toEqual(['deficits']);
    expect(due(10)).toEqual(['routes']);
    expect(due(11)).toEqual(['retraining']);
    expect(due(4)).toEqual(['mentoring']);
    expect(due(3)).toEqual(['network']);
    expect(due(8)).toEqual(['staffing']);
    expect(due(1)).toEqual([]);
    const expert = krymsk.cyclogram.find((e) => e.id === 'expert')!;
    expect(statesTiming(expert.schedule)).toBe(false);
    expect(formatSchedule(expert.schedule, 'ru')).toBe('в соответствии с планом');
  });

  test('Amur monitors daily from May to August; Verkhnekamsk experts June–September', () => {
    const amur = presetById('amur')!;
    expect(formatSchedule(amur.cyclogram[0].schedule, 'ru')).toBe('ежедневно, май – август');
    expect([4, 5, 8, 9].map((m) => isDueInMonth(amur.cyclogram[0].schedule, m))).toEqual([false, true, true, false]);
    const expert = presetById('verkhnekamsk')!.cyclogram.find((e) => e.id === 'expert')!;
    expect([5, 6, 9, 10].map((m) => isDueInMonth(expert.schedule, m))).toEqual([false, true, true, false]);
  });

  test('schedules: a span wraps over New Year, quarterly is due at quarter ends, undated ones never', () => {
    expect([9, 1, 6, 7].map((m) => isDueInMonth({ kind: 'range', from: 9, to: 6 }, m))).toEqual([true, true, true, false]);
    expect([3, 4, 12].map((m) => isDueInMonth({ kind: 'quarterly' }, m))).toEqual([true, false, true]);
    expect(isDueInMonth({ kind: 'yearly' }, 5)).toBe(false);
    expect(statesTiming({ kind: 'during_year' })).toBe(true);
    expect(statesTiming({ kind: 'unspecified' })).toBe(false);
    expect(formatSchedule({ kind: 'months', months: [9, 10] }, 'en')).toBe('yearly, September, October');
  });
});

describe('the documentation lists what the code defines', () => {
  const indicatorsDoc = readFileSync(join(__dirname, '../../../docs/indicators.md'), 'utf8');
  const rubricDoc = readFileSync(join(__dirname, '../../../docs/rubric.md'), 'utf8');

  test('docs/indicators.md has every indicator, field, measure and preset', () => {
    for (const indicator of INDICATORS) expect(indicatorsDoc).toContain(`\`${indicator.id}\``);
    for (const measure of MEASURES) expect(indicatorsDoc).toContain(`\`${measure.id}\``);
    for (const id of PRESET_IDS) expect(indicatorsDoc).toContain(`\`${id}\``);
    for (const preset of PRESETS) for (const entry of preset.cyclogram) expect(indicatorsDoc).toContain(entry.title.ru);
  });

  test('docs/rubric.md has every register column', () => {
    for (const register of REGISTERS) {
      expect(rubricDoc).toContain(`\`${register.id}\``);
      for (const column of register.columns) expect(rubricDoc).toContain(`| \`${column.id}\` | ${column.title.ru} |`);
    }
  });
});
