// Does a quote on the quotes page pass the person filter? Pure (unit-tested).

/** An entry's `data-person` (a grouping key; empty when nobody is named) against the chosen key (empty: all). */
export function quoteMatches(person: string | undefined, chosen: string): boolean {
  return !chosen || person === chosen;
}
