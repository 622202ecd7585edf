/**
 * The Russian user guide stays true: every log record and every sidebar error the add-on
 * can produce is explained in its troubleshooting section (a new one fails here until it
 * is), every picture it shows exists, and the README links it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_REASONS } from '../../src/core/workbook/log';
import { ERRORS } from '../../src/core/text/messages';

const ROOT = join(__dirname, '../..');
const GUIDE = readFileSync(join(ROOT, 'docs', 'guide.ru.md'), 'utf8');
const troubleshooting = GUIDE.slice(GUIDE.indexOf('## 10.'));

test.each(Object.keys(LOG_REASONS))('the guide explains the log record %s', (id) => {
  expect({ id, explained: troubleshooting.includes(`(\`${id}\`)`) }).toEqual({ id, explained: true });
});

test.each(Object.keys(ERRORS))('the guide explains the sidebar error %s', (id) => {
  expect({ id, explained: troubleshooting.includes(`(\`${id}\`)`) }).toEqual({ id, explained: true });
});

test('every picture of the guide exists, and the README links the guide', () => {
  const pictures = [...GUIDE.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  expect(pictures.length).toBeGreaterThanOrEqual(6);
  for (const picture of pictures) expect({ picture, exists: existsSync(join(ROOT, 'docs', picture)) }).toEqual({ picture, exists: true });
  expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/guide.ru.md)');
});
