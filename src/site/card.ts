// A transcript as the build holds it while it renders (model.ts, TranscriptCard): what lists,
// browse pages and the search's filters need, without the text. A page reads its transcript's
// text again when it is rendered (.eleventy.ts, the fullTranscript filter), and releases it.
import type { Transcript, TranscriptCard } from "../model.ts";
import { textBytes } from "../search/shards.ts";
import { spellingsOf } from "./taxonomy.ts";

export function cardOf(t: Transcript): TranscriptCard {
  return {
    slug: t.slug,
    file: t.file,
    shape: t.shape,
    meta: t.meta,
    languages: t.languages,
    pairs: t.sections.reduce((n, s) => n + s.pairs.length, 0),
    bytes: textBytes(t),
    spellings: spellingsOf(t),
  };
}
