// 繁體 → 简体 by OpenCC's dictionaries (opencc-js): Taiwan variants to OpenCC's traditional
// forms, then traditional phrases and characters to simplified. The converter search-form.ts uses.
import { ConverterFactory } from "opencc-js/core";
import TSCharacters from "opencc-js/dict/TSCharacters";
import TSPhrases from "opencc-js/dict/TSPhrases";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";

let converter: ((text: string) => string) | undefined;

/** The converter, made on first use (building its dictionaries' tries takes a few milliseconds). */
export function openccSimplifier(text: string): string {
  converter ??= ConverterFactory([[TWVariantsRev]], [[TSPhrases, TSCharacters]]);
  return converter(text);
}
