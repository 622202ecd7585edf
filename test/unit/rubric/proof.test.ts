/** Every point parameter of the rubric says what would prove it, in both languages. */
import { parameterProof, POINT_PARAMETERS } from '../../../src/core/rubric/proof';

test('every point parameter has its proof in Russian and English; the penalty has none', () => {
  expect(POINT_PARAMETERS.length).toBe(20);
  for (const { block, parameter } of POINT_PARAMETERS) {
    const proof = parameterProof(block, parameter);
    expect({ block, parameter, ru: (proof?.ru.length ?? 0) > 20, en: (proof?.en.length ?? 0) > 20 }).toEqual({ block, parameter, ru: true, en: true });
    expect(proof!.ru).toMatch(/[а-я]/);
    expect(proof!.en).not.toMatch(/[а-я]/i);
  }
  expect(parameterProof('indicators', 'ineffective')).toBeNull();
});
