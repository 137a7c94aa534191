// The marks inside a search record's token stream (see records.ts), shared by the build that
// writes records and passages and the search page that reads them back.
//
//   ␞ <English tokens> ␟ <Chinese tokens> ␞ <English tokens> ␟ <Chinese tokens> …
//
// None is a letter or digit, so Pagefind indexes no word for them, but each takes a word
// position: a result's positions say which pair and side every match is in.

/** Opens a pair. */
export const PAIR_MARK = "\u241E";
/** Ends a pair's English side (its Chinese follows). */
export const SIDE_MARK = "\u241F";
/** A space that was in Chinese text (Chinese tokens otherwise join with nothing). */
export const SPACE_MARK = "\u2420";

/** Short language code of a pair's side, in filters and the UI. */
export type SideLanguage = "en" | "zh";
