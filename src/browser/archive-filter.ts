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
