// Text as it arrives: byte-order marks, CRLF and lone CR line ends are
// tolerated without a word and normalised here, once, before anything else.

export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Collapses markdown to comparable plain text: used by conservation checks and search excerpts. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
