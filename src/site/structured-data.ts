// JSON-LD describing a transcript (schema.org), and its safe serialisation
// into a <script type="application/ld+json"> data block.
import type { Listing as Transcript } from "../model.ts";

export function transcriptJsonLd(t: Transcript, url: string): Record<string, unknown> {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: t.meta.title,
    url,
    inLanguage: [t.languages.en > 0 ? "en" : undefined, t.languages.zh > 0 ? "zh-CN" : undefined].filter(Boolean),
  };
  if (t.meta.titleEn && t.meta.titleEn !== t.meta.title) data.alternativeHeadline = t.meta.titleEn;
  if (t.meta.summary) data.description = t.meta.summary;
  if (t.meta.date) data.datePublished = t.meta.date;
  const author = t.meta.speaker ?? t.meta.channel ?? t.meta.author;
  if (author) data.author = { "@type": "Organization", name: author };
  if (t.meta.tags.length) data.keywords = t.meta.tags.join(", ");
  if (t.meta.people.length) data.mentions = t.meta.people.map((name) => ({ "@type": "Person", name }));
  if (t.meta.source) data.isBasedOn = { "@type": "VideoObject", url: t.meta.source, ...(t.meta.duration ? { duration: `PT${t.meta.duration}S` } : {}) };
  return data;
}

/** JSON that cannot close its <script> element or open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
