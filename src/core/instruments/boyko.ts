/**
 * V.V. Boyko's "Emotional burnout" method (Методика диагностики уровня эмоционального
 * выгорания В.В. Бойко): 84 statements answered Да/Нет, 12 symptoms, 3 phases.
 *
 * Items, instruction, key and thresholds are those of the project's reference
 * (reference/boyko.json), i.e. the key as published: item 11 scores 5 points, so the
 * symptom "Личностная отстраненность" has a maximum of 33, the phase "Истощение" 123 and
 * the total 363. That is a known property of the published key, kept on purpose rather
 * than "normalised" to 30 (see docs/instruments.md).
 *
 * The English texts are our working translation for English-language forms; the
 * validated instrument is the Russian one.
 */
import { Localized } from '../text/i18n';
import { NO, YES, YES_NO_CHOICES, YesNo } from './common';
import { PROFILE_SECTION } from './profile';
import { Band, InstrumentBase, Section, YesNoItem } from './types';

export const BOYKO_ITEM_COUNT = 84;
export const BOYKO_SYMPTOM_COUNT = 12;
export const BOYKO_PHASE_COUNT = 3;

/** One entry of the key: the item scores `points` when the answer equals `answer`. */
export type BoykoKeyEntry = readonly [item: number, answer: YesNo, points: number];

export interface BoykoSymptom {
  id: number;
  name: Localized;
  key: readonly BoykoKeyEntry[];
  max: number;
}

export interface BoykoPhase {
  id: number;
  name: Localized;
  symptoms: readonly BoykoSymptom[];
  max: number;
}

export type BoykoLevel = 'not_formed' | 'forming' | 'formed';

export interface BoykoInstrument extends InstrumentBase {
  id: 'boyko';
  phases: readonly BoykoPhase[];
  bands: {
    symptom: readonly Band<BoykoLevel>[];
    phase: readonly Band<BoykoLevel>[];
    /** A symptom scoring this much or more is also "dominant" (on top of "formed"). */
    dominantMin: number;
  };
  totalMax: number;
}

/** Item texts, item n at index n − 1 (other published wordings: boyko-aliases.ts). */
const ITEMS: readonly Localized[] = [
  /* 1 */ { ru: 'Организационные недостатки на работе постоянно заставляют нервничать, переживать, напрягаться.', en: 'Organisational shortcomings at work constantly make me nervous, worried and tense.' },
  /* 2 */ { ru: 'Сегодня я доволен своей профессией не меньше, чем в начале карьеры.', en: 'Today I am no less satisfied with my profession than at the start of my career.' },
  /* 3 */ { ru: 'Я ошибся в выборе профессии или профиля деятельности (занимаю не свое место).', en: 'I made a mistake in choosing my profession or line of work (I am in the wrong place).' },
  /* 4 */ { ru: 'Меня беспокоит то, что я стал хуже работать (менее продуктивно, качественно, медленнее).', en: 'It worries me that I have started to work worse (less productively, with lower quality, more slowly).' },
  /* 5 */ { ru: 'Теплота взаимодействия с партнерами очень зависит от моего настроения — хорошего или плохого.', en: 'The warmth of my interaction with partners depends very much on my mood, good or bad.' },
  /* 6 */ { ru: 'От меня как профессионала мало зависит благополучие партнеров.', en: 'The well-being of partners depends little on me as a professional.' },
  /* 7 */ { ru: 'Когда я прихожу с работы домой, то некоторое время (часа 2–3) мне хочется побыть наедине, чтобы со мной никто не общался.', en: 'When I come home from work, for a while (2–3 hours) I want to be alone, with nobody talking to me.' },
  /* 8 */ { ru: 'Когда я чувствую усталость или напряжение, то стараюсь поскорее решить проблемы партнера (свернуть взаимодействие).', en: 'When I feel tired or tense, I try to solve the partner\'s problems as quickly as possible (to wind up the interaction).' },
  /* 9 */ { ru: 'Мне кажется, что эмоционально я не могу дать партнерам того, что требует профессиональный долг.', en: 'It seems to me that emotionally I cannot give partners what professional duty requires.' },
  /* 10 */ { ru: 'Моя работа притупляет эмоции.', en: 'My work dulls my emotions.' },
  /* 11 */ { ru: 'Я откровенно устал от человеческих проблем, с которыми приходится иметь дело на работе.', en: 'I am frankly tired of the human problems I have to deal with at work.' },
  /* 12 */ { ru: 'Бывает, я плохо засыпаю (сплю) из-за переживаний, связанных с работой.', en: 'Sometimes I have trouble falling asleep (sleeping) because of worries about work.' },
  /* 13 */ { ru: 'Взаимодействие с партнерами требует от меня большого напряжения.', en: 'Interaction with partners requires a great deal of strain from me.' },
  /* 14 */ { ru: 'Работа с людьми приносит мне все меньше удовлетворения.', en: 'Working with people gives me less and less satisfaction.' },
  /* 15 */ { ru: 'Я бы сменил место работы, если бы представилась возможность.', en: 'I would change my job if I had the opportunity.' },
  /* 16 */ { ru: 'Меня часто расстраивает то, что я не могу должным образом оказать партнеру профессиональную поддержку, услугу, помощь.', en: 'It often upsets me that I cannot properly give a partner professional support, service or help.' },
  /* 17 */ { ru: 'Мне всегда удается предотвратить влияние плохого настроения на деловые контакты.', en: 'I always manage to keep a bad mood from affecting my work contacts.' },
  /* 18 */ { ru: 'Меня очень огорчает, если что-то не ладится в отношениях с деловым партнером.', en: 'It upsets me very much if something goes wrong in my relations with a work partner.' },
  /* 19 */ { ru: 'Я настолько устаю на работе, что дома стараюсь общаться как можно меньше.', en: 'I get so tired at work that at home I try to communicate as little as possible.' },
  /* 20 */ { ru: 'Из-за нехватки времени, усталости или напряжения часто уделяю внимание партнеру меньше, чем положено.', en: 'Because of lack of time, tiredness or tension I often pay less attention to a partner than I should.' },
  /* 21 */ { ru: 'Иногда самые обычные ситуации общения на работе вызывают раздражение.', en: 'Sometimes the most ordinary communication situations at work irritate me.' },
  /* 22 */ { ru: 'Я спокойно воспринимаю обоснованные претензии партнеров.', en: 'I calmly accept partners\' justified complaints.' },
  /* 23 */ { ru: 'Общение с партнерами побудило меня сторониться людей.', en: 'Communicating with partners has made me avoid people.' },
  /* 24 */ { ru: 'При воспоминании о некоторых коллегах по работе или партнерах у меня портится настроение.', en: 'When I recall some colleagues or partners, my mood gets worse.' },
  /* 25 */ { ru: 'Конфликты или разногласия с коллегами отнимают много сил и эмоций.', en: 'Conflicts or disagreements with colleagues take a lot of energy and emotion.' },
  /* 26 */ { ru: 'Мне все труднее устанавливать или поддерживать контакты с деловыми партнерами.', en: 'It is getting harder for me to establish or maintain contacts with work partners.' },
  /* 27 */ { ru: 'Обстановка на работе мне кажется очень трудной, сложной.', en: 'The situation at work seems very hard and complicated to me.' },
  /* 28 */ { ru: 'У меня часто возникают тревожные ожидания, связанные с работой: что-то должно случиться, как бы не допустить ошибки, смогу ли сделать все, как надо, не сократят ли и т. п.', en: 'I often have anxious expectations about work: something is bound to happen, how not to make a mistake, will I manage to do everything right, will I be laid off, and so on.' },
  /* 29 */ { ru: 'Если партнер мне неприятен, я стараюсь ограничить время общения с ним или меньше уделять ему внимания.', en: 'If a partner is unpleasant to me, I try to limit the time I spend with them or pay them less attention.' },
  /* 30 */ { ru: 'В общении на работе я придерживаюсь принципа: «не делай людям добра, не получишь зла».', en: 'In communication at work I follow the principle "do people no good and you will come to no harm".' },
  /* 31 */ { ru: 'Я охотно рассказываю домашним о своей работе.', en: 'I willingly tell my family about my work.' },
  /* 32 */ { ru: 'Бывают дни, когда мое эмоциональное состояние плохо сказывается на результатах работы (меньше делаю, снижается качество, случаются конфликты).', en: 'There are days when my emotional state affects the results of my work badly (I do less, quality drops, conflicts happen).' },
  /* 33 */ { ru: 'Порой я чувствую, что надо проявить к партнеру эмоциональную отзывчивость, но не могу.', en: 'At times I feel that I should show a partner emotional responsiveness, but I cannot.' },
  /* 34 */ { ru: 'Я очень переживаю за свою работу.', en: 'I worry a lot about my work.' },
  /* 35 */ { ru: 'Партнерам по работе отдаешь внимания и заботы больше, чем получаешь от них признательности.', en: 'You give work partners more attention and care than you get gratitude from them.' },
  /* 36 */ { ru: 'При мысли о работе мне обычно становится не по себе: начинает колоть в области сердца, повышается давление, появляется головная боль.', en: 'When I think about work I usually feel unwell: I get pains in the heart area, my blood pressure rises, I get a headache.' },
  /* 37 */ { ru: 'У меня хорошие (вполне удовлетворительные) отношения с непосредственным руководителем.', en: 'I have good (quite satisfactory) relations with my immediate superior.' },
  /* 38 */ { ru: 'Я часто радуюсь, видя, что моя работа приносит пользу людям.', en: 'I am often glad to see that my work benefits people.' },
  /* 39 */ { ru: 'Последнее время (или как всегда) меня преследуют неудачи в работе.', en: 'Lately (or as always) I have been dogged by failures at work.' },
  /* 40 */ { ru: 'Некоторые стороны (факты) моей работы вызывают глубокое разочарование, повергают в уныние.', en: 'Some aspects (facts) of my work cause deep disappointment and make me despondent.' },
  /* 41 */ { ru: 'Бывают дни, когда контакты с партнерами складываются хуже, чем обычно.', en: 'There are days when contacts with partners go worse than usual.' },
  /* 42 */ { ru: 'Я разделяю деловых партнеров (субъектов деятельности) на «хороших» и «плохих».', en: 'I divide work partners (the people I work with) into "good" and "bad" ones.' },
  /* 43 */ { ru: 'Усталость от работы приводит к тому, что я стараюсь сократить общение с друзьями и знакомыми.', en: 'Tiredness from work makes me try to see less of my friends and acquaintances.' },
  /* 44 */ { ru: 'Я обычно проявляю интерес к личности партнера помимо того, что касается дела.', en: 'I usually show interest in a partner\'s personality beyond what concerns the work.' },
  /* 45 */ { ru: 'Обычно я прихожу на работу отдохнувшим, со свежими силами, в хорошем настроении.', en: 'I usually come to work rested, refreshed and in a good mood.' },
  /* 46 */ { ru: 'Я иногда ловлю себя на том, что работаю с партнерами автоматически, без души.', en: 'I sometimes catch myself working with partners mechanically, without heart.' },
  /* 47 */ { ru: 'По работе встречаются настолько неприятные люди, что невольно желаешь им чего-нибудь плохого.', en: 'At work you meet people so unpleasant that you involuntarily wish them something bad.' },
  /* 48 */ { ru: 'После общения с неприятными партнерами у меня бывает ухудшение физического или психического самочувствия.', en: 'After dealing with unpleasant partners my physical or mental well-being sometimes gets worse.' },
  /* 49 */ { ru: 'На работе я испытываю постоянные физические или психологические перегрузки.', en: 'At work I experience constant physical or psychological overload.' },
  /* 50 */ { ru: 'Успехи в работе вдохновляют меня.', en: 'Success at work inspires me.' },
  /* 51 */ { ru: 'Ситуация на работе, в которой я оказался, кажется безысходной (почти безысходной).', en: 'The situation I find myself in at work seems hopeless (almost hopeless).' },
  /* 52 */ { ru: 'Я потерял покой из-за работы.', en: 'I have lost my peace of mind because of work.' },
  /* 53 */ { ru: 'На протяжении последнего года была жалоба (были жалобы) в мой адрес со стороны партнера(ов).', en: 'During the past year there has been a complaint (there have been complaints) about me from a partner (partners).' },
  /* 54 */ { ru: 'Мне удается беречь нервы благодаря тому, что многое из происходящего с партнерами я не принимаю близко к сердцу.', en: 'I manage to spare my nerves because I do not take much of what happens to partners to heart.' },
  /* 55 */ { ru: 'Я часто с работы приношу домой отрицательные эмоции.', en: 'I often bring negative emotions home from work.' },
  /* 56 */ { ru: 'Я часто работаю через силу.', en: 'I often have to force myself to work.' },
  /* 57 */ { ru: 'Прежде я был более отзывчивым и внимательным к партнерам, чем теперь.', en: 'I used to be more responsive and attentive to partners than I am now.' },
  /* 58 */ { ru: 'В работе с людьми руководствуюсь принципом: не трать нервы, береги здоровье.', en: 'In working with people I follow the principle: don\'t waste your nerves, look after your health.' },
  /* 59 */ { ru: 'Иногда иду на работу с тяжелым чувством: как все надоело, никого бы не видеть и не слышать.', en: 'Sometimes I go to work with a heavy feeling: I am so tired of it all, I wish I did not have to see or hear anyone.' },
  /* 60 */ { ru: 'После напряженного рабочего дня я чувствую недомогание.', en: 'After a stressful working day I feel unwell.' },
  /* 61 */ { ru: 'Контингент партнеров, с которым я работаю, очень трудный.', en: 'The partners I work with are a very difficult group.' },
  /* 62 */ { ru: 'Иногда мне кажется, что результаты моей работы не стоят тех усилий, которые я затрачиваю.', en: 'Sometimes it seems to me that the results of my work are not worth the effort I put in.' },
  /* 63 */ { ru: 'Если бы мне повезло с работой, я был бы более счастлив.', en: 'If I were lucky with my job, I would be happier.' },
  /* 64 */ { ru: 'Я в отчаянии из-за того, что на работе у меня серьезные проблемы.', en: 'I am in despair because I have serious problems at work.' },
  /* 65 */ { ru: 'Иногда я поступаю со своими партнерами так, как не хотел бы, чтобы поступали со мной.', en: 'Sometimes I treat my partners in a way I would not like to be treated myself.' },
  /* 66 */ { ru: 'Я осуждаю партнеров, которые рассчитывают на особое снисхождение, внимание.', en: 'I condemn partners who count on special leniency and attention.' },
  /* 67 */ { ru: 'Чаще всего после рабочего дня у меня нет сил заниматься домашними делами.', en: 'Most often after a working day I have no energy left for household chores.' },
  /* 68 */ { ru: 'Обычно я тороплю время: скорей бы рабочий день кончился.', en: 'I usually hurry time along: if only the working day would end sooner.' },
  /* 69 */ { ru: 'Состояния, просьбы, потребности партнеров обычно меня искренне волнуют.', en: 'Partners\' states, requests and needs usually concern me sincerely.' },
  /* 70 */ { ru: 'Работая с людьми, я обычно как бы ставлю экран, защищающий от чужих страданий и отрицательных эмоций.', en: 'When working with people I usually put up a kind of screen that protects me from other people\'s suffering and negative emotions.' },
  /* 71 */ { ru: 'Работа с людьми (партнерами) очень разочаровала меня.', en: 'Working with people (partners) has greatly disappointed me.' },
  /* 72 */ { ru: 'Чтобы восстановить силы, я часто принимаю лекарства.', en: 'To restore my strength I often take medication.' },
  /* 73 */ { ru: 'Как правило, мой рабочий день проходит спокойно и легко.', en: 'As a rule, my working day goes calmly and easily.' },
  /* 74 */ { ru: 'Мои требования к выполняемой работе выше, чем то, чего я достигаю в силу обстоятельств.', en: 'My demands on the work I do are higher than what I achieve because of circumstances.' },
  /* 75 */ { ru: 'Моя карьера сложилась удачно.', en: 'My career has turned out well.' },
  /* 76 */ { ru: 'Я очень нервничаю из-за всего, что связано с работой.', en: 'I am very nervous about everything connected with work.' },
  /* 77 */ { ru: 'Некоторых из своих постоянных партнеров я не хотел бы видеть и слышать.', en: 'There are some of my regular partners whom I would not like to see or hear.' },
  /* 78 */ { ru: 'Я одобряю коллег, которые полностью посвящают себя людям (партнерам), забывая о собственных интересах.', en: 'I approve of colleagues who devote themselves entirely to people (partners), forgetting their own interests.' },
  /* 79 */ { ru: 'Моя усталость на работе обычно мало сказывается (никак не сказывается) в общении с домашними и друзьями.', en: 'My tiredness at work usually has little (or no) effect on how I communicate with family and friends.' },
  /* 80 */ { ru: 'Если предоставляется случай, я уделяю партнеру меньше внимания, но так, чтобы он этого не заметил.', en: 'Given the chance, I pay a partner less attention, but so that they do not notice.' },
  /* 81 */ { ru: 'Меня часто подводят нервы в общении с людьми на работе.', en: 'My nerves often let me down when dealing with people at work.' },
  /* 82 */ { ru: 'Ко всему (почти ко всему), что происходит на работе, я утратил интерес, живое чувство.', en: 'I have lost interest and lively feeling for everything (almost everything) that happens at work.' },
  /* 83 */ { ru: 'Работа с людьми плохо повлияла на меня как профессионала — обозлила, сделала нервным, притупила эмоции.', en: 'Working with people has affected me badly as a professional: it has made me bitter and nervous and dulled my emotions.' },
  /* 84 */ { ru: 'Работа с людьми явно подрывает мое здоровье.', en: 'Working with people is clearly undermining my health.' },
];

/** Item n as a form item: the title starts with its number, as in the printed method. */
function boykoItem(n: number): YesNoItem {
  const text = ITEMS[n - 1];
  return {
    key: boykoItemKey(n),
    number: n,
    kind: 'yesno',
    title: { ru: `${n}. ${text.ru}`, en: `${n}. ${text.en}` },
    required: true,
    choices: YES_NO_CHOICES,
  };
}

export function boykoItemKey(n: number): string {
  return `b${n}`;
}

const ITEMS_PER_PAGE = 12;

/**
 * Seven pages of twelve statements in the published order. Twelve Да/Нет questions are
 * one or two thumb-scrolls on a phone, seven steps make a readable progress bar, and
 * because item n belongs to symptom ((n − 1) mod 12) + 1, every page holds exactly one
 * statement of each symptom: the method's interleaving is kept page by page.
 */
function itemPages(): Section[] {
  const pages: Section[] = [];
  for (let first = 1; first <= BOYKO_ITEM_COUNT; first += ITEMS_PER_PAGE) {
    const last = first + ITEMS_PER_PAGE - 1;
    const page = pages.length + 1;
    const items: YesNoItem[] = [];
    for (let n = first; n <= last; n++) items.push(boykoItem(n));
    pages.push({
      id: `items${page}`,
      title: {
        ru: `Утверждения ${first}–${last} (страница ${page} из 7)`,
        en: `Statements ${first}–${last} (page ${page} of 7)`,
      },
      help: {
        ru: 'Ответьте «Да» или «Нет» на каждое утверждение. «Партнеры» — это учащиеся, их родители, коллеги и другие люди, с которыми вы работаете.',
        en: 'Answer "Yes" or "No" to every statement. "Partners" are the students, their parents, colleagues and other people you work with.',
      },
      items,
    });
  }
  return pages;
}

// Key shorthand: the answer that scores.
const Y = YES;
const N = NO;

/** What the method measures and where it comes from: for coordinators, never on the form. */
export const BOYKO_DESCRIPTION: Localized = {
  ru: 'Методика В.В. Бойко «Эмоциональное выгорание»: 84 утверждения с ответами «Да»/«Нет», 12 симптомов, 3 фазы (напряжение, резистенция, истощение). Ключ — в опубликованном виде (максимум симптома «Личностная отстраненность» — 33 балла, общий максимум — 363). Опрос анонимный.',
  en: 'V.V. Boyko\'s "Emotional burnout" method: 84 Yes/No statements, 12 symptoms, 3 phases (tension, resistance, exhaustion). The key as published (symptom "Personal detachment" maxes at 33, the total at 363). The survey is anonymous.',
};

export const BOYKO: BoykoInstrument = {
  id: 'boyko',
  version: '1',
  title: { ru: 'Диагностика эмоционального выгорания (В.В. Бойко)', en: 'Emotional burnout (V.V. Boyko)' },
  instruction: {
    ru: 'Если вы являетесь профессионалом в какой-либо сфере взаимодействия с людьми, вам будет интересно увидеть, в какой степени у вас сформировалась психологическая защита в форме эмоционального выгорания. Читайте суждения и отвечайте «да» или «нет». Примите во внимание, что, если в формулировках опросника идет речь о партнерах, то имеются в виду субъекты вашей профессиональной деятельности — пациенты, клиенты, потребители, заказчики, учащиеся и другие люди, с которыми вы ежедневно работаете.',
    en: 'If you are a professional in any field of work with people, you may be interested to see to what extent you have developed a psychological defence in the form of emotional burnout. Read the statements and answer "yes" or "no". Note that where the statements speak of partners, they mean the people you deal with in your professional activity — patients, clients, consumers, customers, students and others with whom you work every day.',
  },
  anonymous: true,
  audience: 'teachers',
  sections: [PROFILE_SECTION, ...itemPages()],
  phases: [
    {
      id: 1,
      name: { ru: 'Напряжение', en: 'Tension' },
      max: 120,
      symptoms: [
        { id: 1, name: { ru: 'Переживание психотравмирующих обстоятельств', en: 'Experiencing traumatic circumstances' }, max: 30,
          key: [[1, Y, 2], [13, Y, 3], [25, Y, 2], [37, N, 3], [49, Y, 10], [61, Y, 5], [73, N, 5]] },
        { id: 2, name: { ru: 'Неудовлетворенность собой', en: 'Dissatisfaction with oneself' }, max: 30,
          key: [[2, N, 3], [14, Y, 2], [26, Y, 2], [38, N, 10], [50, N, 5], [62, Y, 5], [74, Y, 3]] },
        { id: 3, name: { ru: '«Загнанность в клетку»', en: '"Trapped in a cage"' }, max: 30,
          key: [[3, Y, 10], [15, Y, 5], [27, Y, 2], [39, Y, 2], [51, Y, 5], [63, Y, 1], [75, N, 5]] },
        { id: 4, name: { ru: 'Тревога и депрессия', en: 'Anxiety and depression' }, max: 30,
          key: [[4, Y, 2], [16, Y, 3], [28, Y, 5], [40, Y, 5], [52, Y, 10], [64, Y, 2], [76, Y, 3]] },
      ],
    },
    {
      id: 2,
      name: { ru: 'Резистенция', en: 'Resistance' },
      max: 120,
      symptoms: [
        { id: 5, name: { ru: 'Неадекватное избирательное эмоциональное реагирование', en: 'Inadequate selective emotional response' }, max: 30,
          key: [[5, Y, 5], [17, N, 3], [29, Y, 10], [41, Y, 2], [53, Y, 2], [65, Y, 3], [77, Y, 5]] },
        { id: 6, name: { ru: 'Эмоционально-нравственная дезориентация', en: 'Emotional and moral disorientation' }, max: 30,
          key: [[6, Y, 10], [18, N, 3], [30, Y, 3], [42, Y, 5], [54, Y, 2], [66, Y, 2], [78, N, 5]] },
        { id: 7, name: { ru: 'Расширение сферы экономии эмоций', en: 'Widening sphere of emotional economy' }, max: 30,
          key: [[7, Y, 2], [19, Y, 10], [31, N, 2], [43, Y, 5], [55, Y, 3], [67, Y, 3], [79, N, 5]] },
        { id: 8, name: { ru: 'Редукция профессиональных обязанностей', en: 'Reduction of professional duties' }, max: 30,
          key: [[8, Y, 5], [20, Y, 5], [32, Y, 2], [44, N, 2], [56, Y, 3], [68, Y, 3], [80, Y, 10]] },
      ],
    },
    {
      id: 3,
      name: { ru: 'Истощение', en: 'Exhaustion' },
      // 123, not 120: item 11 scores 5 in the published key (see the file comment).
      max: 123,
      symptoms: [
        { id: 9, name: { ru: 'Эмоциональный дефицит', en: 'Emotional deficit' }, max: 30,
          key: [[9, Y, 3], [21, Y, 2], [33, Y, 5], [45, N, 5], [57, Y, 3], [69, N, 10], [81, Y, 2]] },
        { id: 10, name: { ru: 'Эмоциональная отстраненность', en: 'Emotional detachment' }, max: 30,
          key: [[10, Y, 2], [22, Y, 3], [34, N, 2], [46, Y, 3], [58, Y, 5], [70, Y, 5], [82, Y, 10]] },
        { id: 11, name: { ru: 'Личностная отстраненность (деперсонализация)', en: 'Personal detachment (depersonalisation)' }, max: 33,
          key: [[11, Y, 5], [23, Y, 3], [35, Y, 3], [47, Y, 5], [59, Y, 5], [71, Y, 2], [83, Y, 10]] },
        { id: 12, name: { ru: 'Психосоматические и психовегетативные нарушения', en: 'Psychosomatic and psychovegetative disorders' }, max: 30,
          key: [[12, Y, 3], [24, Y, 2], [36, Y, 5], [48, Y, 3], [60, Y, 2], [72, Y, 10], [84, Y, 5]] },
      ],
    },
  ],
  bands: {
    symptom: [
      { code: 'not_formed', label: { ru: 'не сложившийся симптом', en: 'symptom not formed' }, min: 0, max: 9 },
      { code: 'forming', label: { ru: 'складывающийся симптом', en: 'symptom forming' }, min: 10, max: 15 },
      { code: 'formed', label: { ru: 'сложившийся симптом', en: 'symptom formed' }, min: 16, max: null },
    ],
    phase: [
      { code: 'not_formed', label: { ru: 'фаза не сформировалась', en: 'phase not formed' }, min: 0, max: 36 },
      { code: 'forming', label: { ru: 'фаза в стадии формирования', en: 'phase forming' }, min: 37, max: 60 },
      { code: 'formed', label: { ru: 'сформировавшаяся фаза', en: 'phase formed' }, min: 61, max: null },
    ],
    dominantMin: 20,
  },
  totalMax: 363,
};
