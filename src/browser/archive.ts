// Bundled as assets/archive.js: the index's filters, by tag, speaker/channel and year, with the
// count shown. Without JavaScript the form stays hidden and the browse pages do the job.
import { cardMatches, type CardFilters } from "./archive-filter.ts";

const form = document.getElementById("filters") as HTMLFormElement | null;
const cards = [...document.querySelectorAll<HTMLElement>(".cards > .card")];
if (form && cards.length) {
  const count = form.querySelector("output")!;
  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  const params = new URLSearchParams(location.search);
  for (const name of ["tag", "speaker", "year"]) {
    const value = params.get(name);
    if (select(name) && value) select(name).value = value;
  }
  const apply = () => {
    const filters: CardFilters = { tag: select("tag").value, speaker: select("speaker").value, year: select("year").value };
    let shown = 0;
    for (const card of cards) {
      const match = cardMatches(card.dataset, filters);
      card.hidden = !match;
      if (match) shown++;
    }
    count.value = filters.tag || filters.speaker || filters.year ? `${shown} / ${cards.length}` : `${cards.length}`;
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    history.replaceState(null, "", query.size ? `?${query}` : location.pathname);
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply();
}
