/**
 * Reading Boyko responses out of an export's records. Boyko exports are long (84 answers a
 * row) and a district's may hold hundreds of thousands of rows, so the column of every item
 * is looked up once, and a record read as an unsplit line (the common kind: no quotes) is
 * walked in place, its answers recognised without a string for each. Either way the score
 * is what scoreResponse gives for the same record.
 */
import { BOYKO_ITEM_COUNT, boykoItemKey, PROFILE_KEYS } from '../core/instruments';
import {
  BoykoScore, FORM_YES_NO, readProfile, readYesNoCode, scoreBoyko, YESNO_MISSING, YESNO_UNREADABLE,
} from '../core/scoring';

const PROFILE = Object.values(PROFILE_KEYS);
/** What a column holds for the line walk: an item's index (≥ 0), or one of these. */
const IGNORED = -1;
const STAMP = -2;
/** Profile key k is held as PROFILE_ROLE - k. */
const PROFILE_ROLE = -3;

export class BoykoRows {
  private readonly itemColumns: Int32Array;
  private readonly profileColumns: Int32Array;
  private readonly roles: Int32Array;
  /** False when a column serves two purposes: the line walk gives each column one. */
  private readonly walkable: boolean;
  /** Answer codes of the record read last; zero-filled, every item starts missing. */
  private readonly codes = new Uint8Array(BOYKO_ITEM_COUNT);
  private readonly profileAnswers: Record<string, string | undefined> = {};
  private readonly separator: number;
  private readonly separatorChar: string;
  /** The timestamp field of the line fromLine last scored ('' without a timestamp column). */
  stamp = '';

  /**
   * `columns` maps item keys to columns as matchColumns gives; `width` is the header's
   * field count; `separator` the file's.
   */
  constructor(columns: Readonly<Record<string, number>>, stampColumn: number | null, private readonly width: number, separator: string) {
    const column = (key: string): number => columns[key] ?? -1;
    this.itemColumns = Int32Array.from({ length: BOYKO_ITEM_COUNT }, (_, i) => column(boykoItemKey(i + 1)));
    this.profileColumns = Int32Array.from(PROFILE, column);
    this.separator = separator.charCodeAt(0);
    this.separatorChar = separator;
    this.roles = new Int32Array(width).fill(IGNORED);
    let walkable = true;
    const claim = (at: number, role: number) => {
      if (at < 0) return;
      if (at >= width || this.roles[at] !== IGNORED) walkable = false;
      else this.roles[at] = role;
    };
    this.itemColumns.forEach((at, i) => claim(at, i));
    this.profileColumns.forEach((at, k) => claim(at, PROFILE_ROLE - k));
    claim(stampColumn ?? -1, STAMP);
    this.walkable = walkable;
  }

  /** Scores a record given as its fields. */
  fromFields(fields: readonly string[]): BoykoScore {
    const { codes, itemColumns, profileColumns, profileAnswers } = this;
    for (let i = 0; i < BOYKO_ITEM_COUNT; i++) {
      const at = itemColumns[i];
      codes[i] = readYesNoCode(at < 0 ? undefined : fields[at]);
    }
    for (let k = 0; k < PROFILE.length; k++) {
      const at = profileColumns[k];
      profileAnswers[PROFILE[k]] = at < 0 ? undefined : fields[at];
    }
    return this.scored();
  }

  /**
   * Scores a record given as one line of `text` from `start` to `end` with no quote and no
   * CR (RecordSink.line), its timestamp left in `stamp`; or null when the record is for the
   * careful path of fromFields and the checks on whole records: a field count other than
   * the header's, no answer at all (a blank row, perhaps), or an answer not recognised
   * (its text goes into a message).
   */
  fromLine(text: string, start: number, end: number): BoykoScore | null {
    if (!this.walkable) return null;
    const { codes, roles, width, separator, separatorChar, profileAnswers } = this;
    let answered = false;
    let at = start;
    for (let column = 0; column < width; column++) {
      // Past the end: fewer fields than the header.
      if (at > end) return null;
      const role = roles[column];
      if (role >= 0 && at < end) {
        // An answer as Google Forms spells it is recognised where it stands.
        const k = BY_FIRST_CHAR[text.charCodeAt(at)];
        if (k >= 0) {
          const stop = spelledTo(text, at, end, separator, SPELLINGS[k]);
          if (stop >= 0) {
            codes[role] = SPELLED_CODES[k];
            answered = true;
            at = stop + 1;
            continue;
          }
        }
      }
      let stop = text.indexOf(separatorChar, at);
      if (stop < 0 || stop > end) stop = end;
      if (role >= 0) {
        const code = readYesNoCode(text.slice(at, stop));
        if (code === YESNO_UNREADABLE) return null;
        if (code !== YESNO_MISSING) answered = true;
        codes[role] = code;
      } else if (role === STAMP) {
        this.stamp = text.slice(at, stop);
      } else if (role <= PROFILE_ROLE) {
        profileAnswers[PROFILE[PROFILE_ROLE - role]] = text.slice(at, stop);
      }
      at = stop + 1;
    }
    // Short of the end after the last column: more fields than the header. Items and
    // profile keys without a column are never written: they stay missing.
    return at === end + 1 && answered ? this.scored() : null;
  }

  private scored(): BoykoScore {
    const { profile, profileMissing } = readProfile(this.profileAnswers);
    return scoreBoyko(this.codes, profile, profileMissing);
  }
}

/** FORM_YES_NO's spellings and codes, and their index by the first character of the spelling (-1: none). */
const SPELLINGS = FORM_YES_NO.map(([spelling]) => spelling);
const SPELLED_CODES = FORM_YES_NO.map(([, code]) => code);
const BY_FIRST_CHAR = new Int8Array(0x10000).fill(-1);
SPELLINGS.forEach((spelling, k) => {
  BY_FIRST_CHAR[spelling.charCodeAt(0)] = k;
});

/**
 * Where the field of `text` at `at` ends when it is exactly `spelling` (the separator's
 * position, or `end`), else -1: compared character by character, no string made.
 */
function spelledTo(text: string, at: number, end: number, separator: number, spelling: string): number {
  const stop = at + spelling.length;
  if (stop > end || (stop < end && text.charCodeAt(stop) !== separator)) return -1;
  for (let i = 1; i < spelling.length; i++) if (text.charCodeAt(at + i) !== spelling.charCodeAt(i)) return -1;
  return stop;
}
