// Which language a piece of text is written in. Transcripts mix scripts freely
// (English names inside Chinese sentences, 中文 terms in English), so the
// decision weighs Han characters against Latin letters: one Han character
// carries roughly as much as three Latin letters.
//
// One pass over the code points, counting: every paragraph of every transcript
// goes through here (at 1,000 transcripts a `match()` of each character class,
// which builds an array of one-character strings, was half the ingest time).

export type Lang = "en" | "zh" | "none";

/** Han ideographs: CJK Unified (and Extension A, B–F), compatibility ideographs. */
function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2ebef);
}

/** Latin letters: ASCII, Latin-1 Supplement and Latin Extended-A/B (U+00C0–U+024F, as before: × and ÷ included). */
function isLatin(cp: number): boolean {
  return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0xc0 && cp <= 0x24f);
}

function count(text: string): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    // A surrogate pair is one code point (Han extensions B–F are beyond U+FFFF).
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) {
      if ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) latin++;
    } else if (isHan(cp)) han++;
    else if (isLatin(cp)) latin++;
  }
  return { han, latin };
}

export function detectLanguage(text: string): Lang {
  const { han, latin } = count(text);
  if (han === 0 && latin === 0) return "none";
  return han * 3 >= latin ? "zh" : "en";
}
