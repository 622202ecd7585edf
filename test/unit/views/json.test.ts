/**
 * JsonSafe, the type every endpoint's arguments and result must pass. The checks are
 * compile-time: `yes<…>` compiles only when the type is JSON-safe and `no<…>` only when it
 * is refused, so a wrong verdict fails `npm run typecheck` (part of npm test).
 */
import { plainData, type IsJsonSafe } from '../../../src/core/views/json';
import type { EndpointsAreJsonSafe, ServerApi } from '../../../src/shared/api';
import * as endpoints from '../../../src/server/endpoints';

const yes = <T extends true>(value: T) => value;
const no = <T extends false>(value: T) => value;

interface Plain { name: string; count: number | null; tags: string[]; nested?: { ok: boolean }[] }
interface WithDate { at: Date }
interface WithMethod { at: string; run(): void }

test('plain data is JSON-safe, and a Date, a function or undefined in an array is not', () => {
  const safe: true[] = [
    yes<IsJsonSafe<Plain>>(true),
    yes<IsJsonSafe<{ ok: true } | { ok: false; errors: string[] }>>(true),
    yes<IsJsonSafe<[string, number]>>(true),
    yes<IsJsonSafe<Plain[] | null>>(true),
  ];
  expect(safe).toEqual([true, true, true, true]);
  const refused: false[] = [
    no<IsJsonSafe<WithDate>>(false), // a Date arrives as something else
    no<IsJsonSafe<WithMethod>>(false), // a method does not cross
    no<IsJsonSafe<(string | undefined)[]>>(false), // undefined in an array becomes null
    no<IsJsonSafe<{ m: Map<string, number> }>>(false), // a Map serialises as {}
    no<IsJsonSafe<{ when: string; at: Date }[]>>(false),
  ];
  expect(refused).toHaveLength(5);
});

test('the contract is the server endpoints module, every endpoint checked', () => {
  const checked: EndpointsAreJsonSafe = Object.fromEntries(Object.keys(endpoints).map((name) => [name, true])) as EndpointsAreJsonSafe;
  const names: (keyof ServerApi)[] = Object.keys(checked) as (keyof ServerApi)[];
  expect(names.sort()).toEqual(Object.keys(endpoints).sort());
  expect(names).toContain('getSettings');
});

describe('plainData', () => {
  test('reads every getter of plain objects and arrays into a data property, once per read, without changing the value', () => {
    let reads = 0;
    const lazy = { get ru() { reads++; return 'Доля'; }, get en() { reads++; return 'Share'; } };
    const result = plainData({ cards: [{ title: lazy, value: 3 }, null], at: '2026-12-01', flag: false });
    expect(reads).toBe(2);
    expect(result).toEqual({ cards: [{ title: { ru: 'Доля', en: 'Share' }, value: 3 }, null], at: '2026-12-01', flag: false });
    expect(Object.getOwnPropertyDescriptor(result.cards[0]!.title, 'ru')).toMatchObject({ value: 'Доля', writable: true });
    JSON.stringify(result);
    expect(reads).toBe(2);
  });

  test('keeps what is not plain data as it is, so the contract test still sees a wrong type', () => {
    const at = new Date(0);
    expect(plainData({ at }).at).toBe(at);
    expect(plainData(undefined)).toBeUndefined();
    expect(plainData('x')).toBe('x');
  });
});
