// What to say when a search failed; under `npm start` a missing index is not a failure but a wait.
import { IndexUnavailable, isLive } from "./pagefind.ts";
import { failedText, INDEX_BUILDING } from "./text.ts";

// `npm start` serves the pages before the index is made (a minute or two for a large archive):
// until it is there, the search says so and tries again.
export const INDEX_RETRY_MS = 2000;

export function failure(err: unknown): { text: string; retry: boolean } {
  if (isLive() && err instanceof IndexUnavailable) return { text: INDEX_BUILDING, retry: true };
  return { text: failedText(err), retry: false };
}
