import fc from 'fast-check';
import { findDuplicateNames, listLines } from '../../../src/core/text/names';

describe('duplicate and near-duplicate names', () => {
  test('case, spaces, ё/е and № spacing make no new school', () => {
    const found = findDuplicateNames(['МБОУ СОШ № 1', 'мбоу  сош №1', 'Лицей «Ёлка»', 'лицей елка', 'МБОУ СОШ № 1', 'МБОУ СОШ № 11']);
    expect(found).toEqual([
      { index: 1, name: 'мбоу  сош №1', of: 'МБОУ СОШ № 1', kind: 'near' },
      { index: 3, name: 'лицей елка', of: 'Лицей «Ёлка»', kind: 'near' },
      { index: 4, name: 'МБОУ СОШ № 1', of: 'МБОУ СОШ № 1', kind: 'exact' },
    ]);
  });

  test('pasted lines: blank lines and surrounding spaces go', () => {
    expect(listLines(' A \r\n\n B\n  \n')).toEqual(['A', 'B']);
  });

  test('any variant of a distinct name is flagged as repeating it, and distinct names never are', () => {
    const variant = (name: string, upper: boolean, spaced: boolean) => {
      let v = upper ? name.toUpperCase() : name;
      if (spaced) v = v.replace(/№ ?/g, '№').replace(/ /g, '  ');
      return v.replace(/е/g, 'ё');
    };
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 20 }), fc.boolean(), fc.boolean(), (numbers, upper, spaced) => {
      const names = numbers.map((n) => `МБОУ средняя школа № ${n}`);
      expect(findDuplicateNames(names)).toEqual([]);
      const copy = variant(names[0], upper, spaced);
      const found = findDuplicateNames([...names, copy]);
      expect(found).toEqual([{ index: names.length, name: copy, of: names[0], kind: copy === names[0] ? 'exact' : 'near' }]);
    }));
  });
});
