/**
 * Every `npx pd-monitor indicators` command of the README, run as a user runs it (the built
 * dist/cli.js, from the repository root), on every preset's example: it exits 0, rejects
 * nothing, asks no column the example lacks, and every indicator that the reports and
 * district facts carry has a value with its coverage.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRESET_IDS, presetById, presetIndicators } from '../../src/core/presets';
import { parseCsv } from '../../src/core/text/csv';
import { schoolReportFields } from '../../src/core/reports/school-report';

const ROOT = join(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The shell lines of the README's sh blocks that run the indicators command. */
const commands = [...README.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((block) => block[1].split('\n'))
  .map((line) => line.trim())
  .filter((line) => line.startsWith('npx pd-monitor indicators') && !line.includes('…'));

test('the README gives an indicators command for every preset', () => {
  const presets = commands.map((line) => /--preset (\S+)/.exec(line)?.[1]);
  expect(presets.sort()).toEqual([...PRESET_IDS].sort());
});

describe.each(commands.map((line) => [line]))('%s', (line) => {
  const args = line.replace(/^npx pd-monitor /, '').split(/\s+/);
  const presetId = args[args.indexOf('--preset') + 1];
  const preset = presetById(presetId)!;
  const stdout = execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const out = JSON.parse(stdout);

  test('runs and rejects nothing', () => {
    expect(out.preset).toBe(presetId);
    expect(out.rejectedReports).toEqual([]);
    expect(out.rejectedDistrictReports).toEqual([]);
    // examples/schools.txt lists four schools. Гимназия № 3 reported for 2025/26 only (Amur's
    // example not at all); СОШ № 4 never.
    expect(out.missingReports).toEqual(['МБОУ Гимназия № 3', 'МБОУ СОШ № 4']);
  });

  test('the example has exactly the columns the school report asks', () => {
    const path = args.find((arg) => arg.startsWith('examples/school_reports/'))!;
    const header = parseCsv(readFileSync(join(ROOT, path), 'utf8'))[0];
    expect(header.slice(4)).toEqual(schoolReportFields(preset).map((field) => field.id));
  });

  test('every indicator from reports and district facts has a value and its coverage', () => {
    for (const indicator of presetIndicators(preset).filter((i) => !i.source.startsWith('survey:'))) {
      const shown = out.indicators.find((i: { id: string }) => i.id === indicator.id);
      expect([indicator.id, shown.overall.value]).not.toEqual([indicator.id, null]);
      expect(shown.overall.coverage.of).toBe(4);
      if (indicator.source === 'school_report') expect(shown.overall.coverage.schools).toBe(2);
    }
  });
});
