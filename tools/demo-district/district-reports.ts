/**
 * The demo's school reports: every school but the last files for the previous and the
 * current period (so the current one lists a school that has not reported), with
 * plausible counts; one school's current report is inconsistent (more teachers diagnosed,
 * or whatever part of its teachers the preset asks first, than it has), as happens when a figure is typed into the wrong box.
 */
import type { Emulator } from '../emulator';
import type { LoadedBundle } from '../emulator/bundle';
import { Lang, tr } from '../../src/core/text/i18n';
import { consistencyRules } from '../../src/core/indicators/fields';
import { renderMessage } from '../../src/core/text/message';
import { FieldDef } from '../../src/core/indicators/types';
import { periodOf, previousPeriod } from '../../src/core/periods';
import { presetById } from '../../src/core/presets';
import type { Preset } from '../../src/core/presets/types';
import { schoolReportFields, subjectReportFields, validateSchoolReport } from '../../src/core/reports/school-report';
import { periodLabel } from '../../src/core/forms/school-report-form';

/**
 * Scales the parts of every broken rule down to their wholes until all rules hold. Only
 * ever lowers values, so it ends; a part lowered below another rule's parts (a route
 * growth count that is itself a whole) is caught by the next pass.
 */
export function repairCounts(fields: readonly FieldDef[], values: Record<string, number | string>): Record<string, number | string> {
  const rules = consistencyRules(fields);
  const sum = (ids: readonly string[]) => ids.reduce((total, id) => total + (values[id] as number), 0);
  for (let changed = true; changed;) {
    changed = false;
    for (const rule of rules) {
      const parts = sum(rule.parts);
      const wholes = sum(rule.wholes);
      if (parts <= wholes) continue;
      for (const id of rule.parts) values[id] = Math.floor(((values[id] as number) * wholes) / parts);
      changed = true;
    }
  }
  return values;
}

/**
 * Counts that pass the report's checks. Drawing freely and keeping the first consistent
 * draw gives the widest spread; presets whose rules chain (route activities within
 * deficit and growth routes, themselves parts of the diagnosed) rarely draw one, so the
 * last draw is repaired rather than given up on.
 */
export function plausibleCounts(fields: readonly FieldDef[], random: () => number): Record<string, number | string> {
  let values: Record<string, number | string> = {};
  for (let attempt = 0; attempt < 50; attempt++) {
    values = {};
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
  repairCounts(fields, values);
  const check = validateSchoolReport(fields, values);
  if (!check.ok) throw new Error(`demo report still inconsistent: ${check.errors.map((error) => renderMessage(error, 'en')).join(' ')}`);
  return values;
}

/** One school's filing as the school report form's answers: plausible counts, or one figure typed into the wrong box. */
export function demoFiling(preset: Preset, school: string, period: string, subjects: readonly string[], random: () => number, mistyped = false): Record<string, string> {
  const lang: Lang = 'ru';
  const fields = schoolReportFields(preset);
  const counts = plausibleCounts(fields, random);
  // The box the wrong figure lands in: the first count that is part of the teachers in total.
  const wrongBox = fields.find((field) => field.partOf === 'teachers_total');
  if (mistyped && wrongBox && typeof counts.teachers_total === 'number') counts[wrongBox.id] = counts.teachers_total + 7;
  const answers: Record<string, string> = { 'Образовательная организация': school, 'Отчётный период': periodLabel(period, lang) };
  for (const field of fields) answers[tr(field.title, lang)] = String(counts[field.id]);
  const perSubject = subjectReportFields(preset);
  for (const subject of subjects.slice(0, 3)) {
    const subjectCounts = plausibleCounts(perSubject, () => random() * 0.1);
    for (const field of perSubject) answers[`${subject}: ${tr(field.title, lang)}`] = String(subjectCounts[field.id]);
  }
  return answers;
}

/** Files the reports through the school report form it creates; returns the form. */
export function fileDemoReports(emulator: Emulator, bundle: LoadedBundle, random: () => number, presetId: string, schools: readonly string[], subjects: readonly string[]): { formId: string } {
  const preset = presetById(presetId);
  if (!preset) throw new Error(`unknown preset ${presetId}`);
  const { formId } = bundle.call('createSurveyForm', 'school_report') as { formId: string };
  const today = new emulator.Date().toISOString().slice(0, 10);
  const current = periodOf(today, preset.reportingPeriod);
  for (const period of [previousPeriod(current), current]) {
    schools.slice(0, -1).forEach((school, index) => {
      emulator.clock.advance(Math.floor(random() * 120 + 30) * 60_000);
      emulator.forms.submit(formId, demoFiling(preset, school, period, subjects, random, period === current && index === 1));
    });
  }
  return { formId };
}
