/**
 * Finding a member by name (api.md 1.1, "Find a household"): a search term matches the start
 * of any word of a member's name, case- and accent-insensitive (`jans` finds "Jan Jansen",
 * `zoe` finds "Zoë").
 */

/** Lower case, accents off, split on everything that is not a letter or a digit ("Jansen-de Vries" → jansen, de, vries). */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Dutch name particles (tussenvoegsels). Nobody looks a household up by "van" or "de", and
 * leaving them out keeps a member's index entries to the words people search for.
 */
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  't',
  'ten',
  'ter',
  'te',
  'in',
  'op',
  'von',
  'vd',
  'la',
  'le',
  'du',
  'da',
  'di',
]);

/** The most words of one name the index holds: one index entry per member carries at most this many keys. */
export const INDEXED_WORDS_PER_NAME = 3;

/**
 * The words a member is found by: the words of the name without particles (all of them when
 * the name has nothing else), each once; of a longer name its first two words and its last
 * (given name, second given name, surname), so that one member is one index entry whatever
 * the length of the name, and a household's index changes fit its transactions.
 */
export function indexedNameWords(name: string): string[] {
  const words = nameWords(name);
  const significant = words.filter((word) => !PARTICLES.has(word));
  const distinct = [...new Set(significant.length > 0 ? significant : words)];
  if (distinct.length <= INDEXED_WORDS_PER_NAME) return distinct;
  return [distinct[0], distinct[1], distinct.at(-1)].filter((word): word is string => word !== undefined);
}

/** The shortest search term the API accepts: api.md asks at least 2 characters. */
export const MIN_NAME_TERM = 2;

/**
 * A search term as words: every word must start a word of the member's name. The index is
 * read with the longest one (fewest hits); the others are checked on what it returns.
 */
export function searchTermWords(term: string): string[] {
  return nameWords(term).sort((a, b) => b.length - a.length);
}

/** Whether every word of the term starts some word of the name. */
export function nameMatches(name: string, termWords: string[]): boolean {
  const words = nameWords(name);
  return termWords.every((term) => words.some((word) => word.startsWith(term)));
}
