/** npm run demo's job, as a user runs it: the files it promises, the same for the same seed. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/core/text/csv';

const ROOT = join(__dirname, '..', '..');

function runDemo(out: string, seed: number): void {
  execFileSync(process.execPath, ['scripts/run.mjs', 'scripts/demo.ts', '--out', out, '--teachers', '12', '--schools', '4', '--seed', String(seed)], { cwd: ROOT, stdio: 'pipe' });
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const sub of ['', 'sheets', 'forms']) {
    for (const name of readdirSync(join(dir, sub))) {
      if (name.includes('.')) files[join(sub, name)] = readFileSync(join(dir, sub, name), 'utf8');
    }
  }
  return files;
}

describe('npm run demo', () => {
  const base = mkdtempSync(join(tmpdir(), 'pd-demo-'));
  const first = join(base, 'a');
  runDemo(first, 5);
  const manifest = JSON.parse(readFileSync(join(first, 'manifest.json'), 'utf8')) as {
    sheets: Record<string, { file: string; role: string; instrument?: string }>;
  };

  test('writes every sheet as CSV with its role, and the forms and calls', () => {
    const entries = Object.values(manifest.sheets);
    const roles = entries.map((entry) => `${entry.role}${entry.instrument ? `:${entry.instrument}` : ''}`);
    for (const expected of ['settings', 'registry', 'log', 'indicators', 'reports', 'district', 'responses:school_report']) expect(roles).toContain(expected);
    for (const instrument of ['boyko', 'mentoring', 'network', 'deficits']) {
      expect(roles).toContain(`responses:${instrument}`);
      expect(roles).toContain(`scores:${instrument}`);
      const form = JSON.parse(readFileSync(join(first, 'forms', `${instrument}.json`), 'utf8'));
      expect(form.published).toBe(true);
      expect(form.items.length).toBeGreaterThan(4);
    }
    const scores = parseCsv(readFileSync(join(first, manifest.sheets['Баллы: Бойко'].file), 'utf8'));
    expect(scores).toHaveLength(13);
    expect(scores.slice(1).some((row) => row[4] === 'неполный')).toBe(true);
    const log = parseCsv(readFileSync(join(first, manifest.sheets['Журнал'].file), 'utf8')).map((row) => row[4]);
    expect(log).toEqual(expect.arrayContaining(['incomplete', 'reportRejected', 'formItemsChanged']));
    const calls = JSON.parse(readFileSync(join(first, 'calls.json'), 'utf8'));
    expect(calls['createSurveyForm:boyko']['FormApp.create']).toBe(1);
  });

  test('the same seed gives the same output', () => {
    const second = join(base, 'b');
    runDemo(second, 5);
    expect(snapshot(second)).toEqual(snapshot(first));
  });
});
