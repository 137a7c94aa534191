// The ids of an interview's fields in the search records (fields.ts): `<kind><n>:<anchor>`, where
// the anchor is the fragment of the page the field leads to ("" for the top); a pair's id (`p-12`)
// has no colon. Without imports, so that the search page's bundle takes only this.

export type FieldKind = "title" | "speaker" | "people" | "companies" | "tags" | "summary" | "point" | "quote" | "chapter" | "s";

/** The id of a field: its kind, its number among fields of that kind (from the second on), its anchor. */
export const fieldId = (kind: FieldKind, anchor = "", n = 0) => `${kind}${n || ""}:${anchor}`;

/** Is this id a field's (not a pair's)? */
export const isFieldId = (id: string) => id.includes(":");

/** A field id's kind and the fragment it links to ("" for the top of the page). */
export function parseFieldId(id: string): { kind: FieldKind; anchor: string } {
  const m = /^([a-z]+)\d*:(.*)$/.exec(id);
  return { kind: (m?.[1] ?? "title") as FieldKind, anchor: m?.[2] ?? "" };
}
