/**
 * Trigram similarity exactly as PostgreSQL's pg_trgm computes it, so the
 * registry can tell near-equal names apart in memory and give the same
 * answer as `similarity()` and `%` in SQL (the duplicates list asks SQL).
 *
 * pg_trgm splits text into words of letters and digits (anything else
 * separates), pads each word with two spaces before and one after, takes
 * every three consecutive characters of the padded word, and keeps each
 * distinct trigram once. Similarity is shared trigrams over all trigrams of
 * both (the Jaccard index), as a 4-byte float.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct trigrams of already folded text (`foldText`), in no particular order. */
export function trigramsOf(folded: string): string[] {
  const trigrams = new Set<string>();
  for (const [word] of folded.toLowerCase().matchAll(WORD)) {
    const chars = Array.from(`  ${word} `);
    for (let i = 0; i + 3 <= chars.length; i += 1) trigrams.add(chars[i] + chars[i + 1] + chars[i + 2]);
  }
  return [...trigrams];
}

/** pg_trgm's similarity from counts: `shared` trigrams of `a` and `b` distinct ones. */
export function trigramSimilarityOfCounts(shared: number, a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return Math.fround(shared / (a + b - shared));
}

/** `similarity(a, b)` of two folded texts. */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigramsOf(a);
  const right = new Set(trigramsOf(b));
  const shared = left.filter((t) => right.has(t)).length;
  return trigramSimilarityOfCounts(shared, left.length, right.size);
}

/**
 * A similarity as SQL shows it after `round(similarity(...)::numeric, 3)`:
 * the float4 becomes a numeric of 6 significant digits, rounded half away
 * from zero (the nudge keeps a decimal half, 0.1235, from reading as
 * 0.12349999… in binary).
 */
export function roundSimilarity(similarity: number): number {
  const scaled = Number(similarity.toPrecision(6)) * 1000;
  return Math.round(scaled + 1e-9) / 1000;
}
