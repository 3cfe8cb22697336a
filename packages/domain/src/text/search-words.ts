import { foldText } from './fold';

const WORD_SPLIT = /[^a-z0-9]+/;

/** The folded words of a name: "Lan Anh Travel" → lan, anh, travel. */
export function nameWords(name: string): string[] {
  return foldText(name).split(WORD_SPLIT).filter(Boolean);
}

/**
 * What a creator is found by, word for word: the words of the name, the name
 * written as one word ("lananhtravel"), and every handle whole and in parts
 * ("lan.anh_travel" → lan.anh_travel, lan, anh, travel).
 */
export function creatorSearchWords(displayName: string, handles: string[]): string[] {
  const words = new Set(nameWords(displayName));
  words.add(nameWords(displayName).join(''));
  for (const handle of handles) {
    const folded = foldText(handle).replace(/^@+/, '');
    if (folded) words.add(folded);
    for (const part of folded.split(WORD_SPLIT)) if (part) words.add(part);
  }
  words.delete('');
  return [...words];
}

/** The words of a search, at most eight. */
export function queryWords(q: string): string[] {
  return [...new Set(nameWords(q))].slice(0, 8);
}

/**
 * How many edits (insert, delete, replace) a query word may be from a name
 * word and still match: none up to two letters, one up to six, two beyond.
 */
export function allowedTypos(word: string): number {
  return word.length <= 2 ? 0 : word.length <= 6 ? 1 : 2;
}

/** The word with two neighbouring letters swapped, every way: "lihn" → ilhn, lhin, linh. */
export function swappedLetters(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return [...out];
}
