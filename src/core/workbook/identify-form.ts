/**
 * Which instrument a Google Form asks, told from its question titles alone: a form
 * linked to the workbook that the registry does not know (made by a creation that
 * failed half-way, or a registry row deleted by hand) is adopted only when every item
 * of one form spec is found among its questions by title.
 */
import { RegistryItem } from './registry';
import { FormSpec } from '../forms/form-spec';

export interface Identified {
  spec: FormSpec;
  items: RegistryItem[];
}

/** The items of `spec` found in the form (id → title), or null when any is missing. */
function matchSpec(spec: FormSpec, titles: ReadonlyMap<number, string>): RegistryItem[] | null {
  const free = new Map<string, number[]>();
  for (const [id, title] of titles) free.set(title.trim(), [...(free.get(title.trim()) ?? []), id]);
  const items: RegistryItem[] = [];
  for (const item of spec.pages.flatMap((page) => page.items)) {
    const ids = free.get(item.title.trim());
    const itemId = ids?.shift();
    if (itemId === undefined) return null;
    items.push({ itemId, key: item.key, titles: [titles.get(itemId) as string] });
  }
  return items;
}

/**
 * The one spec among `specs` (every form kind, in every language) whose items the form
 * has; null when none or specs of two different kinds match.
 */
export function identifyForm(titles: ReadonlyMap<number, string>, specs: readonly FormSpec[]): Identified | null {
  let found: Identified | null = null;
  for (const spec of specs) {
    const items = matchSpec(spec, titles);
    if (!items) continue;
    if (found && found.spec.instrument !== spec.instrument) return null;
    found ??= { spec, items };
  }
  return found;
}
