// Stable ASCII slugs for URLs, from a file name or a `slug`/`permalink` field.
import { createHash } from "node:crypto";

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
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
