/**
 * The demo district builds for any size, seed and preset: the district a user asks
 * `npm run demo` (and the preview, and the benchmark) for is always made, every response
 * scored, the preset's school reports filed and checked.
 */
import fc from 'fast-check';
import { PRESET_IDS, presetById } from '../../src/core/presets';
import { schoolReportFields, subjectReportFields, validateSchoolReport } from '../../src/core/reports/school-report';
import { buildDemoDistrict, campaignPace, DEMO_INSTRUMENTS } from '../../tools/demo-district/district';
import { repairCounts } from '../../tools/demo-district/district-reports';

const LOG_KIND_COLUMN = 4;

describe('repairCounts', () => {
  test('any counts become a report that passes the checks, no value raised', () => {
    const preset = fc.constantFrom(...PRESET_IDS);
    fc.assert(
      fc.property(preset, fc.boolean(), fc.array(fc.nat({ max: 500 }), { minLength: 60, maxLength: 60 }), (presetId, perSubject, draws) => {
        const p = presetById(presetId)!;
        const fields = perSubject ? subjectReportFields(p) : schoolReportFields(p);
        const values: Record<string, number | string> = {};
        fields.forEach((field, i) => {
          values[field.id] = field.kind === 'yesno' ? 'Да' : draws[i % draws.length] + (field.kind === 'amount' ? 0.5 : 0);
        });
        const before = { ...values };
        repairCounts(fields, values);
        expect(validateSchoolReport(fields, values).errors).toEqual([]);
        for (const field of fields) if (field.kind !== 'yesno') expect(values[field.id]).toBeLessThanOrEqual(before[field.id] as number);
      }),
      { numRuns: 300 },
    );
  });
});

describe('campaignPace', () => {
  test('small districts keep their pace; a large one answers within two weeks per survey on average', () => {
    for (const teachers of [1, 60, 300]) expect(campaignPace(teachers)).toBe(1);
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (teachers) => {
      const meanSpanDays = (teachers * 45.5 * campaignPace(teachers)) / (60 * 24);
      expect(meanSpanDays).toBeLessThanOrEqual(14 + 1e-9);
      expect(campaignPace(teachers)).toBeGreaterThan(0);
    }));
  });
});

describe('buildDemoDistrict', () => {
  test('any teachers, schools, seed and preset give a complete district', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 12 }), fc.nat(), fc.constantFrom(...PRESET_IDS),
        (teachers, schools, seed, preset) => {
          const demo = buildDemoDistrict({ teachers, schools, seed, preset });
          expect((demo.bundle.call('getSettings') as { presetId: string }).presetId).toBe(preset);
          const book = demo.emulator.spreadsheet;
          const FormApp = demo.emulator.globals.FormApp as GoogleAppsScript.Forms.FormApp;
          for (const instrument of DEMO_INSTRUMENTS) {
            const form = FormApp.openById(demo.forms[instrument].formId);
            expect(form.getResponses()).toHaveLength(teachers);
          }
          // Every scores sheet holds one row per teacher under its header.
          const scores = book.getSheets().filter((sheet) => sheet.getName().startsWith('Баллы'));
          expect(scores).toHaveLength(DEMO_INSTRUMENTS.length);
          for (const sheet of scores) expect(sheet.getLastRow()).toBe(teachers + 1);
          // All schools but the last file two periods; the second school's current report is inconsistent.
          const reports = FormApp.openById(demo.forms.school_report.formId).getResponses();
          expect(reports).toHaveLength(2 * (schools - 1));
          const kinds = book.getSheetByName('Журнал')!.getDataRange().getValues().map((row) => row[LOG_KIND_COLUMN]);
          expect(kinds.filter((kind) => kind === 'reportRejected')).toHaveLength(schools >= 3 ? 1 : 0);
        },
      ),
      { numRuns: 10 },
    );
  }, 180_000);
});
