// The index's filters: by tag, speaker/channel and year, with the count shown.
// Without JavaScript the form stays hidden and the browse pages do the job.
(() => {
  const form = document.getElementById("filters");
  const cards = [...document.querySelectorAll(".cards > .card")];
  if (!form || !cards.length) return;
  const count = form.querySelector("output");
  const params = new URLSearchParams(location.search);
  for (const name of ["tag", "speaker", "year"]) {
    const select = form.elements.namedItem(name);
    if (select && params.get(name)) select.value = params.get(name);
  }
  const apply = () => {
    const tag = form.elements.namedItem("tag").value;
    const speaker = form.elements.namedItem("speaker").value;
    const year = form.elements.namedItem("year").value;
    let shown = 0;
    for (const card of cards) {
      const tags = (card.dataset.tags || "").split("|");
      const match = (!tag || tags.includes(tag)) && (!speaker || card.dataset.speaker === speaker) && (!year || card.dataset.year === year);
      card.hidden = !match;
      if (match) shown++;
    }
    count.value = tag || speaker || year ? `${shown} / ${cards.length}` : `${cards.length}`;
    const query = new URLSearchParams(Object.entries({ tag, speaker, year }).filter(([, v]) => v));
    history.replaceState(null, "", query.size ? `?${query}` : location.pathname);
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
