// How operators search: case- and accent-insensitively (API.md 1.1: `integracao` finds
// `Integração`), on the name or the appKey. Pure, shared by every list that searches.

/** Lower case without diacritics: NFD splits a letter from its accents, which are then dropped. */
export const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether `needle` (already folded) occurs in any of `haystacks`. */
export const matchesSearch = (needle: string, ...haystacks: string[]): boolean =>
  haystacks.some((h) => folded(h).includes(needle));
