/**
 * The demo's school reports: every school but the last files for the previous and the
 * current period (so the current one lists a school that has not reported), with
 * plausible counts; one school's current report is inconsistent (more teachers diagnosed
 * than it has), as happens when a figure is typed into the wrong box.
 */
import type { Emulator } from '../emulator';
import type { LoadedBundle } from '../emulator/bundle';
import { Lang, tr } from '../../src/core/text/i18n';
import { FieldDef } from '../../src/core/indicators/types';
import { periodOf, previousPeriod } from '../../src/core/periods';
import { presetById } from '../../src/core/presets';
import { schoolReportFields, subjectReportFields, validateSchoolReport } from '../../src/core/reports/school-report';
import { periodLabel } from '../../src/core/forms/school-report-form';

function plausibleCounts(fields: readonly FieldDef[], random: () => number): Record<string, number | string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const values: Record<string, number | string> = {};
    const valueOf = (field: FieldDef): number => {
      if (typeof values[field.id] === 'number') return values[field.id] as number;
      let value: number;
      if (field.partOf) {
        const whole = fields.find((f) => f.id === field.partOf);
        const share = 0.1 + random() * 0.35;
        value = whole ? Math.floor(valueOf(whole) * share) : Math.floor(random() * 10);
      } else if (field.id === 'staff_headcount') {
        value = valueOf(fields.find((f) => f.id === 'teachers_total') ?? field) + 5 + Math.floor(random() * 10);
      } else {
        value = 30 + Math.floor(random() * 50);
      }
      if (field.kind === 'amount') value += 0.5;
      values[field.id] = value;
      return value;
    };
    for (const field of fields) {
      if (field.kind === 'yesno') values[field.id] = random() < 0.7 ? 'Да' : 'Нет';
      else valueOf(field);
    }
    if (validateSchoolReport(fields, values).errors.length === 0) return values;
  }
  throw new Error('no consistent demo report could be generated');
}

/** Files the reports through the school report form it creates; returns the form. */
export function fileDemoReports(emulator: Emulator, bundle: LoadedBundle, random: () => number, presetId: string, schools: readonly string[], subjects: readonly string[]): { formId: string } {
  const preset = presetById(presetId);
  if (!preset) throw new Error(`unknown preset ${presetId}`);
  const lang: Lang = 'ru';
  const { formId } = bundle.call('createSurveyForm', 'school_report') as { formId: string };
  const today = new emulator.Date().toISOString().slice(0, 10);
  const current = periodOf(today, preset.reportingPeriod);
  const fields = schoolReportFields(preset);
  const perSubject = subjectReportFields(preset);
  for (const period of [previousPeriod(current), current]) {
    schools.slice(0, -1).forEach((school, index) => {
      emulator.clock.advance(Math.floor(random() * 120 + 30) * 60_000);
      const counts = plausibleCounts(fields, random);
      if (period === current && index === 1 && typeof counts.teachers_total === 'number') counts.teachers_diagnosed = counts.teachers_total + 7;
      const answers: Record<string, string> = { 'Образовательная организация': school, 'Отчётный период': periodLabel(period, lang) };
      for (const field of fields) answers[tr(field.title, lang)] = String(counts[field.id]);
      for (const subject of subjects.slice(0, 3)) {
        const subjectCounts = plausibleCounts(perSubject, () => random() * 0.1);
        for (const field of perSubject) answers[`${subject}: ${tr(field.title, lang)}`] = String(subjectCounts[field.id]);
      }
      emulator.forms.submit(formId, answers);
    });
  }
  return { formId };
}
