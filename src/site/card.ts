// A transcript as the build holds it while it renders (model.ts, TranscriptCard): what lists,
// browse pages, the quotes page and the search's filters need, and its problems, without the text. A page reads its transcript's
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
    quotes: (t.summary?.quotes ?? []).map((q) => {
      const pair = q.pair ? t.sections.flatMap((s) => s.pairs).find((p) => p.id === q.pair) : undefined;
      const by = q.by ?? pair?.speaker;
      return { text: q.text, ...(by ? { by } : {}), ...(pair ? { pair: pair.id } : {}) };
    }),
    problems: t.problems,
  };
}
