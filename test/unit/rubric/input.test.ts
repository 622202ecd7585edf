import { renderMessage } from '../../../src/core/text/message';
import { parseRubricFile } from '../../../src/core/rubric';

const errors = (json: unknown) => {
  const read = parseRubricFile(json);
  return read.ok ? [] : read.errors.map((e) => renderMessage(e, 'ru'));
};

describe('parseRubricFile', () => {
  test('values as shorthand or with evidence; ineffective as none/some/all or a boolean', () => {
    const read = parseRubricFile({
      preset: 'krymsk',
      blocks: {
        indicators: { mentoring: { present: true, matches_goal: { value: 1, evidence: ' https://x.ru ' }, ineffective: false } },
        measures: { informing: { present: { value: true }, dates: 0 } },
      },
    });
    expect(read).toEqual({
      ok: true,
      file: {
        preset: 'krymsk',
        input: {
          blocks: {
            indicators: {
              mentoring: {
                present: { value: true },
                matches_goal: { value: true, evidence: 'https://x.ru' },
                ineffective: { value: 'none' },
              },
            },
            measures: { informing: { present: { value: true }, dates: { value: false } } },
          },
        },
      },
    });
  });

  test('every problem is reported with its path, at once', () => {
    expect(
      errors({
        blocks: {
          indicator: {},
          monitoring: { youth: {}, network: { timing: 'yes', when: true, use: { evidence: 'x' } } },
          indicators: { support: { ineffective: 'many', present: { value: true, evidence: 5 } } },
        },
        extra: 1,
      }),
    ).toEqual([
      'Неизвестное поле «extra» (ожидаются preset, registers, blocks).',
      'Неизвестный блок «indicator». Блоки: indicators, monitoring, analysis, recommendations, measures, decisions, efficiency.',
      'Блок «monitoring»: неизвестная позиция «youth». Позиции: mentoring, associations, network, support.',
      'blocks.monitoring.network.timing: значение "yes" — нужно true/false (или 1/0).',
      'blocks.monitoring.network: неизвестный параметр «when». Параметры: indicators, timing, use.',
      'blocks.monitoring.network.use: нет поля "value".',
      'blocks.indicators.support.ineffective: значение "many" — нужно "none", "some" или "all".',
      'blocks.indicators.support.present.evidence: ожидается строка (ссылка или документ).',
    ]);
  });

  test('not an object; registers must be known arrays of rows', () => {
    expect(errors([])).toEqual(['(root): ожидается объект JSON.']);
    expect(errors({ registers: { measures: {}, plans: [] } })).toEqual([
      'registers.measures: ожидается массив строк-объектов.',
      'Неизвестный реестр «plans». Реестры: analyses, recommendations, measures, decisions, efficiency.',
    ]);
  });
});
