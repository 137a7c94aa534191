// Bundled as assets/quotes.js: the quotes page's filter by person, with the count shown and the
// choice kept in the address (`?person=<key>`). Without JavaScript the form stays hidden and every
// quote is listed, each naming who said it.
import { quoteMatches } from "./quotes-filter.ts";

const form = document.getElementById("qfilters") as HTMLFormElement | null;
const entries = [...document.querySelectorAll<HTMLElement>(".qlist > li")];
if (form && entries.length) {
  const select = form.elements.namedItem("person") as HTMLSelectElement;
  const count = form.querySelector("output")!;
  const wanted = new URLSearchParams(location.search).get("person");
  if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  const apply = () => {
    let shown = 0;
    for (const li of entries) {
      const match = quoteMatches(li.dataset.person, select.value);
      li.hidden = !match;
      if (match) shown++;
    }
    count.value = select.value ? `${shown} / ${entries.length}` : `${entries.length}`;
    history.replaceState(null, "", select.value ? `?${new URLSearchParams({ person: select.value })}` : location.pathname);
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply();
}
