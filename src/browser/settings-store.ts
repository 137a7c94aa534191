// The reader's remembered choices (localStorage), shared by theme.ts and reader.ts. Storage may
// be off (private mode): then nothing is remembered, and nothing fails.
export const MODE_KEY = "transcripts.mode";
export const THEME_KEY = "transcripts.theme";

/** Reading modes; side by side is the default (and is not stored). */
export const MODES = ["sbs", "il", "en", "zh"] as const;
export type Mode = (typeof MODES)[number];

export function readSetting(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores a value, or forgets the setting when the value is empty. */
export function writeSetting(key: string, value: string): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    /* private mode: not remembered */
  }
}

/** A stored mode as the page's `data-mode` ("" for side by side, or an unknown value). */
export function storedMode(value: string | null): string {
  return value === "il" || value === "en" || value === "zh" ? value : "";
}

/** A stored theme as the page's `data-theme` ("" follows the system). */
export function storedTheme(value: string | null): string {
  return value === "light" || value === "dark" ? value : "";
}
