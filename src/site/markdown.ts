// Paragraph text → HTML. markdown-it with raw HTML off (any HTML in a
// transcript is shown as text, never run) and only http(s) and mailto links
// clickable; external links carry rel="noopener noreferrer". Images are not
// loaded from elsewhere: they show as their link.
import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(?:https?:|mailto:)/i;

function createMarkdown() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable(["image"]);
  md.validateLink = (url) => SAFE_LINK.test(String(url).trim());
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    if (/^https?:/i.test(String(token.attrGet("href") ?? ""))) token.attrSet("rel", "noopener noreferrer");
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

const md = createMarkdown();

// What can start inline syntax for markdown-it as configured here: escapes, code, emphasis,
// strikethrough, links, autolinks, entities, line breaks (and \0, \r, which it normalises).
// Most paragraphs of a transcript have none of these; they render as themselves, escaped,
// without the parser (it was a quarter of Eleventy's time at 1,000 transcripts).
const INLINE_SYNTAX = /[\\`*_~[\]<>&!\n\r\0]/;

/** One paragraph's text as inline HTML (emphasis, links, code). */
export function renderInline(text: string): string {
  if (!INLINE_SYNTAX.test(text)) return text.replace(/"/g, "&quot;");
  return md.renderInline(text);
}

/** A block of markdown (lists, tables, quotes) as HTML. */
export function renderBlock(text: string): string {
  return md.render(text);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
