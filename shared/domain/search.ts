// How operators search: case- and accent-insensitively (API.md 1.1: `integracao` finds
// `Integração`), on the name or the appKey. Pure, shared by every list that searches.
import type { KeyStatus } from './key';

/**
 * Lower case without diacritics: NFD splits a letter from its accents, which are then dropped (after
 * lower-casing, which can itself add one: `İ` becomes `i` + a dot). NFC at the end recomposes what
 * NFD split without marks (a Hangul syllable is two or three jamo in NFD), so a folded name is never
 * longer than it needs to be: the search directory stores it (adapters/dynamodb/directory-item.ts).
 */
export const folded = (text: string): string =>
  text.normalize('NFD').toLowerCase().replace(/\p{M}/gu, '').normalize('NFC');

/** Whether `needle` (already folded) occurs in any of `haystacks`. */
export const matchesSearch = (needle: string, ...haystacks: string[]): boolean =>
  haystacks.some((h) => folded(h).includes(needle));

/** What the search directory keeps of a key: all a search and the status filter look at. */
export const searchEntry = (key: {
  name: string;
  status: KeyStatus;
}): { folded: string; status: KeyStatus } => ({
  folded: folded(key.name),
  status: key.status,
});
