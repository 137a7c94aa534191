// Bundled as assets/archive.js: the index's filters, by tag, speaker/channel and year, with the
// count shown (with what it counts: "共 2 篇 · 2 interviews"). Without JavaScript the form stays hidden and the browse pages do the job.
import { cardMatches, countText, type CardFilters } from "./archive-filter.ts";

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
    const text = countText(shown, cards.length, Boolean(filters.tag || filters.speaker || filters.year));
    const en = document.createElement("span");
    en.lang = "en";
    en.textContent = text.en;
    count.replaceChildren(`${text.zh} · `, en);
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    history.replaceState(null, "", query.size ? `?${query}` : location.pathname);
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply();
}
