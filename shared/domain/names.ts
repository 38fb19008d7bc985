/**
 * Finding a member by name (api.md 1.1, "Find a household"): a search term matches the start
 * of any word of a member's name, case- and accent-insensitive (`jans` finds "Jan Jansen",
 * `zoe` finds "Zoë").
 */

/**
 * Lower case, accents off, apostrophes out ("O'Brien" → obrien, as people type it), split on
 * everything else that is not a letter or a digit ("Jansen-de Vries" → jansen, de, vries).
 */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´ʼ]/gu, '')
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

/** A name's surname as people say it: from its first particle on ("Anna de Vries" → "de Vries"), else its last word. */
export function surnameOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ?? '';
  const particle = words.findIndex((word, i) => i > 0 && PARTICLES.has(word.toLowerCase()));
  return particle > 0 ? words.slice(particle).join(' ') : (words.at(-1) ?? '');
}

/** `7545XA` as it is written on a letter: `7545 XA`. */
export const postcodeAsWritten = (postcode: string): string => postcode.replace(/^(\d{4})\s*([A-Za-z]{2})$/, '$1 $2').toUpperCase();

/**
 * A household as a person recognises it (v1.2 "Names, never ids"): its adults' surnames (every
 * member's when it has no adult), each once, and its address: "Smit · 7545 KL 4".
 */
export function householdName(household: {
  members: { name: string; role: string }[];
  address: { postcode: string; houseNumber: string; houseNumberAddition?: string };
}): string {
  const adults = household.members.filter((m) => m.role === 'adult');
  const surnames = [...new Set((adults.length > 0 ? adults : household.members).map((m) => surnameOf(m.name)).filter(Boolean))];
  const { postcode, houseNumber, houseNumberAddition } = household.address;
  const address = `${postcodeAsWritten(postcode)} ${houseNumber}${houseNumberAddition ? ` ${houseNumberAddition}` : ''}`;
  return surnames.length > 0 ? `${surnames.join(' en ')} · ${address}` : address;
}
