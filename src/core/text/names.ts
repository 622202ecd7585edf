/**
 * Lists of names people paste (schools, subjects): the check that flags duplicate and
 * near-duplicate names while the coordinator is still typing them.
 */
import { normalizeText } from './normalize';

export interface DuplicateName {
  /** 0-based index of the later line among the non-empty lines. */
  index: number;
  name: string;
  /** The earlier line it repeats. */
  of: string;
  /** exact: the same text; near: the same after case, spaces, ё/е and № are set aside. */
  kind: 'exact' | 'near';
}

/** The non-empty lines of a pasted list, trimmed. */
export function listLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/**
 * Every name that repeats an earlier one, exactly or nearly: case, spacing, ё/е and the
 * spacing around № do not make two schools different ("СОШ №1" = "сош № 1").
 */
export function findDuplicateNames(names: readonly string[]): DuplicateName[] {
  const seen = new Map<string, string>();
  const found: DuplicateName[] = [];
  names.forEach((name, index) => {
    const key = normalizeText(name);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, name);
    else found.push({ index, name, of: earlier, kind: earlier === name ? 'exact' : 'near' });
  });
  return found;
}
