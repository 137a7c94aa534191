// Text as a literal inside a regular expression (Node 20 has no RegExp.escape). Shared by the
// site (a name's spellings, src/site/taxonomy.ts) and the browser (the words marked on landing,
// src/browser/landing.ts); imports nothing, so the browser bundle can take it.

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
