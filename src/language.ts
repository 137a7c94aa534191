// Which language a piece of text is written in. Transcripts mix scripts freely
// (English names inside Chinese sentences, 中文 terms in English), so the
// decision weighs Han characters against Latin letters: one Han character
// carries roughly as much as three Latin letters.

export type Lang = "en" | "zh" | "none";

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}]/gu;
const LATIN = /[A-Za-z\u00c0-\u024f]/g;

export function countHan(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

export function detectLanguage(text: string): Lang {
  const han = countHan(text);
  const latin = text.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return "none";
  return han * 3 >= latin ? "zh" : "en";
}
