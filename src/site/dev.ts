// What only `npm start` needs (never a built site): the Content-Security-Policy source that lets
// Eleventy's dev server run its reload script where it puts it inline.
import { createHash } from "node:crypto";

/**
 * A CSP source allowing exactly one inline script, by its hash (`'sha256-…'`). Eleventy's dev server
 * inlines its reload script into pages it serves with a status other than 200 (the 404 page);
 * under the pages' CSP that script was blocked, with a violation logged.
 */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}
