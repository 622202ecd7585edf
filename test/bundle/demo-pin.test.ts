/**
 * The default demo (`npm run demo -- --out DIR`) pinned byte for byte: a refactoring must
 * not change what the add-on writes. The pin is a sha256sum-style list of every output file.
 * When a change is meant to alter the demo's output, review the diff of a fresh run, then
 * rewrite the pin with:  UPDATE_DEMO_PIN=1 npx jest test/bundle/demo-pin
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PIN = join(__dirname, 'demo-output.sha256');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** `sha256  ./relative/path` per file, sorted by path, as `sha256sum` prints it. */
function digest(dir: string): string {
  return files(dir)
    .map((path) => `${createHash('sha256').update(readFileSync(path)).digest('hex')}  ./${relative(dir, path)}`)
    .sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1))
    .join('\n') + '\n';
}

let out = '';
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'pd-demo-pin-'));
  execFileSync(process.execPath, ['scripts/run.mjs', 'scripts/demo.ts', '--out', out], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

test('the default demo writes exactly the pinned files', () => {
  const actual = digest(out);
  if (process.env.UPDATE_DEMO_PIN === '1') writeFileSync(PIN, actual);
  expect(actual).toBe(readFileSync(PIN, 'utf8'));
});

test('the demo\'s three months of clock write three monthly summaries and the reminders, each as html, text and json', () => {
  const mail = join(out, 'mail');
  const sent = readdirSync(mail).filter((name) => name.endsWith('.json')).sort()
    .map((name) => ({ stem: name.slice(0, -5), ...JSON.parse(readFileSync(join(mail, name), 'utf8')) as { kind: string; to: string[]; subject: string } }));
  const summaries = sent.filter((m) => m.kind === 'summary');
  expect(summaries.map((m) => m.subject)).toEqual([
    'PD Monitor: итоги за ноябрь 2026 — Демо-район',
    'PD Monitor: итоги за декабрь 2026 — Демо-район',
    'PD Monitor: итоги за январь 2027 — Демо-район',
  ]);
  for (const m of summaries) {
    expect(m.to).toEqual(['coordinator@demo-district.example', 'methodist@demo-district.example']);
    expect(readFileSync(join(mail, `${m.stem}.txt`), 'utf8')).toContain('== Ключевые показатели');
    expect(readFileSync(join(mail, `${m.stem}.html`), 'utf8')).toContain('role="presentation"');
  }
  const reminders = sent.filter((m) => m.kind === 'reminder');
  expect(reminders.length).toBeGreaterThan(0);
  for (const m of reminders) expect(m.to).toEqual([expect.stringMatching(/^school\d+@demo-district\.example$/)]);
  expect(sent.filter((m) => m.kind !== 'summary' && m.kind !== 'reminder')).toEqual([]);
});

test('the README\'s example summary is this demo\'s own 07-summary.txt, line for line in order', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /An excerpt of `07-summary\.txt`:\n\n```\n([\s\S]*?)```/.exec(readme);
  expect(block).not.toBeNull();
  const shown = block![1].split('\n').filter((line) => line !== '' && line !== '…');
  const actual = readFileSync(join(out, 'mail', '07-summary.txt'), 'utf8').split('\n');
  let at = 0;
  for (const line of shown) {
    const found = actual.indexOf(line, at);
    expect({ line, found: found >= 0 }).toEqual({ line, found: true });
    at = found + 1;
  }
  expect(shown.length).toBeGreaterThan(5);
});
