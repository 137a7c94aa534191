// Stable ASCII slugs for URLs, from a file name or a `slug`/`permalink` field. The words come from
// @sindresorhus/slugify, the slugify Eleventy itself ships (its `slugify` filter, with the same
// options): lowercase ASCII words joined by "-", nothing else.
import { createHash } from "node:crypto";
import sindresorhusSlugify from "@sindresorhus/slugify";

/** Longest slug, in characters; a longer one is cut at the last word boundary before it. */
export const SLUG_MAX = 80;

/** Lowercase ASCII words joined by "-", at most `SLUG_MAX` characters, cut between words. */
export function slugify(text: string): string {
  const words = sindresorhusSlugify(text, {
    // As Eleventy's `slugify` filter: "OpenAI" is one word, not "open-ai".
    decamelize: false,
    // An apostrophe joins its word ("Robots’", "don't"), it does not split it.
    customReplacements: [
      ["'", ""],
      ["’", ""],
      ["‘", ""],
    ],
  });
  if (words.length <= SLUG_MAX) return words;
  const cut = words.slice(0, SLUG_MAX + 1);
  const end = cut.lastIndexOf("-");
  // One word longer than the limit: cut inside it (the only way to stay short).
  return (end > 0 ? cut.slice(0, end) : words.slice(0, SLUG_MAX)).replace(/-+$/, "");
}

/** The slug for a transcript: the explicit one if usable, else from the file name; never empty. */
export function slugFor(file: string, explicit?: string): string {
  if (explicit) {
    const last = explicit.replace(/\/+$/, "").split("/").pop() ?? "";
    const s = slugify(last.replace(/\.html?$/, ""));
    if (s) return s;
  }
  const base = file.split(/[\\/]/).pop() ?? file;
  const s = slugify(base.replace(/\.(md|markdown|txt)$/i, ""));
  return s || `t-${createHash("sha1").update(base).digest("hex").slice(0, 10)}`;
}
