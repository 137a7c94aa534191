// Does an index card pass the filters? Pure (unit-tested).

export interface CardFilters {
  tag: string;
  speaker: string;
  year: string;
}

/** A card's data: `data-tags` (keys joined by "|"), `data-speaker`, `data-year`. */
export function cardMatches(data: { tags?: string; speaker?: string; year?: string }, f: CardFilters): boolean {
  const tags = (data.tags || "").split("|");
  return (!f.tag || tags.includes(f.tag)) && (!f.speaker || data.speaker === f.speaker) && (!f.year || data.year === f.year);
}

/** What the count beside the filters says, in both languages: how many interviews are listed, of how many. */
export function countText(shown: number, total: number, filtered: boolean): { zh: string; en: string } {
  const noun = (n: number) => (n === 1 ? "interview" : "interviews");
  return filtered ? { zh: `显示 ${shown} / ${total} 篇`, en: `${shown} of ${total} ${noun(total)}` } : { zh: `共 ${total} 篇`, en: `${total} ${noun(total)}` };
}
