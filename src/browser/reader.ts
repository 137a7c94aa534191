// The transcript reader, bundled as assets/reader.js (deferred; theme.ts has already put the
// remembered mode on <html> before the first paint). Everything here is an enhancement: with JS
// off the page reads side by side, the mode radios still work through CSS, ¶ links and #p-N
// targets are plain HTML.
// - reading modes: radios + key M (Shift+M back), remembered, position kept (reader/modes.ts);
// - "Copy quote" beside each ¶ link: the text in the language(s) on screen plus speaker, title,
//   date and permalink (reader/quote.ts);
// - "Play from here" beside them on a transcript with a video: the video at the nearest known
//   time before the pair (reader/play.ts);
// - contents: disclosure on narrow screens, current section marked (reader/contents.ts);
// - landing on #p-N: the pair in view with its section heading when it is the section's first (reader/target.ts).
import { initContents } from "./reader/contents.ts";
import { initModes } from "./reader/modes.ts";
import { initPlay } from "./reader/play.ts";
import { initCopyQuote } from "./reader/quote.ts";
import { initTarget } from "./reader/target.ts";

const art = document.querySelector<HTMLElement>("article.t");
if (art) {
  const live = document.getElementById("live");
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Announce through the page's live region (emptied first, so a repeat is read again). */
  const say = (text: string) => {
    if (!live) return;
    live.textContent = "";
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => (live.textContent = text), 60);
  };
  initModes(art, say);
  initCopyQuote(art, say);
  initPlay(art);
  initContents(art);
  initTarget(art);
}
