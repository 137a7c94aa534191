// The words a search result matched, handed from the search page to the page it links to
// (deeplink.ts marks them there), through sessionStorage.
const HIT_KEY = "transcripts.search-hit";

export interface RememberedHit {
  href: string;
  words: string[];
}

/** Remember the words to mark on the page the reader lands on. */
export function rememberHit(href: string, words: readonly string[]): void {
  try {
    sessionStorage.setItem(HIT_KEY, JSON.stringify({ href, words: [...new Set(words)].slice(0, 20) }));
  } catch {
    /* storage off: no marks, the pair is still highlighted by :target */
  }
}

/** The words left for this page, read once (then forgotten); null when there are none or storage is off. */
export function takeHit(): RememberedHit | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(HIT_KEY) || "null") as RememberedHit | null;
    sessionStorage.removeItem(HIT_KEY);
    return saved;
  } catch {
    return null;
  }
}
