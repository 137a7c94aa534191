// Han text and its segmentation into words, in one place for the index (tokens.ts, records.ts,
// search-form.ts) and the search page's query (src/browser/search/query.ts): the two must segment
// alike, or a query would not find the words the index holds. Imports nothing: the search page
// bundles it (no markdown-it, no OpenCC).

/** A Han character. */
export const HAN = /\p{Script=Han}/u;

/**
 * Runs of Han characters (and the ideographic iteration and zero marks): what is segmented into
 * words. Global, for `replace` and `matchAll` (which leave it as it was), never `exec` or `test`.
 */
export const HAN_RUN = /[\p{Script=Han}\u3005\u3007]+/gu;

let segmenter: Intl.Segmenter | undefined;

/** A Han run's words, by the ICU word segmenter (`Intl.Segmenter("zh")`, in Node as in the browser). */
export function hanWords(run: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const out: string[] = [];
  for (const { segment } of segmenter.segment(run)) if (segment.trim()) out.push(segment);
  return out;
}
