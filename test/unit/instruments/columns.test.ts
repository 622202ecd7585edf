import { BOYKO, INSTRUMENTS, instrumentItems, matchColumns, MENTORING, rankInstruments } from '../../../src/core/instruments';

const boykoTitles = instrumentItems(BOYKO).filter((i) => i.number !== undefined).map((i) => i.title.ru);
const profileTitles = ['Образовательная организация', 'Преподаваемый предмет (основной)', 'Ваш возраст', 'Педагогический стаж'];

describe('matching export columns to items', () => {
  test('Google Forms header: timestamp first, profile, numbered titles', () => {
    const map = matchColumns(BOYKO, ['Отметка времени', ...profileTitles, ...boykoTitles]);
    expect(map.timestampColumn).toBe(0);
    expect(map.columns['profile.school']).toBe(1);
    expect(map.columns.b1).toBe(5);
    expect(map.columns.b84).toBe(88);
    expect(map.missingRequired).toEqual([]);
    expect(map.missingOptional).toEqual([]);
    expect(map.ignored).toEqual([]);
  });

  test('by number alone, with "12)" style and truncated titles', () => {
    const headers = boykoTitles.map((t, i) => `${i + 1}) ${t.slice(4, 20)}…`);
    const map = matchColumns(BOYKO, headers);
    expect(map.missingRequired).toEqual([]);
    expect(map.columns.b12).toBe(11);
    expect(map.missingOptional).toEqual(['profile.school', 'profile.subject', 'profile.ageBand', 'profile.experienceBand']);
  });

  test('by text alone, in any order, ignoring case, punctuation, ё/е and spacing', () => {
    const texts = boykoTitles.map((t) => t.replace(/^\d+\.\s*/, ''));
    const headers = [...texts].reverse().map((t, i) =>
      i % 3 === 0 ? t.toUpperCase() : i % 3 === 1 ? t.replace(/е/g, 'ё').replace(/[,.]/g, '') : `  ${t.replace(/ /g, '   ')} `,
    );
    const map = matchColumns(BOYKO, headers);
    expect(map.missingRequired).toEqual([]);
    expect(map.columns.b1).toBe(83);
    expect(map.columns.b84).toBe(0);
  });

  test('published wordings of other copies are recognised (feminine forms, variants)', () => {
    const map = matchColumns(BOYKO, ['Я бы сменил(а) место работы, если бы представилась возможность.', 'Работа приносит мне все меньше удовлетворения.']);
    expect(map.columns).toEqual({ b15: 0, b14: 1 });
  });

  test('a number that contradicts the text: the text wins, the column is reported', () => {
    const map = matchColumns(BOYKO, [`5. ${boykoTitles[0].slice(3)}`]);
    expect(map.columns).toEqual({ b1: 0 });
    expect(map.conflicts).toEqual([{ column: 0, byNumber: 'b5', byText: 'b1' }]);
  });

  test('missing, duplicated and foreign columns are reported, not guessed', () => {
    const headers = ['Timestamp', 'Адрес электронной почты', ...boykoTitles.filter((_, i) => i !== 4 && i !== 16), boykoTitles[0]];
    const map = matchColumns(BOYKO, headers);
    expect(map.timestampColumn).toBe(0);
    expect(map.ignored).toEqual([1]);
    expect(map.missingRequired).toEqual(['b5', 'b17']);
    expect(map.duplicates).toEqual([{ key: 'b1', columns: [2, headers.length - 1] }]);
  });

  test('the other instruments match by title text; open questions are optional', () => {
    const items = instrumentItems(MENTORING);
    const headers = items.filter((i) => i.kind !== 'paragraph' && i.kind !== 'text').map((i) => i.title.en.toLowerCase());
    const map = matchColumns(MENTORING, headers);
    expect(map.missingRequired).toEqual([]);
    expect(map.missingOptional).toEqual(['mentoring.seenWhere', 'mentoring.expected', 'mentoring.valuable', 'mentoring.missing']);
  });

  test('the instrument a header belongs to is ranked first', () => {
    const mentoringHeaders = instrumentItems(MENTORING).map((i) => i.title.ru);
    // role, seen before, 1 mentee + 5 mentor + 4 common ratings, 3 Да/Нет on the programme = 15 scored items
    expect(rankInstruments(mentoringHeaders, INSTRUMENTS)[0]).toMatchObject({ id: 'mentoring', found: 15, required: 15 });
    expect(rankInstruments(boykoTitles, INSTRUMENTS)[0]).toMatchObject({ id: 'boyko', found: 84 });
  });
});
