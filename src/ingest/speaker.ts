// Speaker labels that open a paragraph or line: `Alex:`, `Jensen Huang：`,
// `**主持人：**`, `**Jensen Huang:**`, `**主持人**：`. A plain Chinese word
// followed by a colon is usually a sentence (`我的意思是：…`), so unbolded Chinese
// labels are accepted only for known roles or names written with `·`.

export interface Labelled {
  speaker?: string;
  /** The text after the label (the whole text when there is no label). */
  rest: string;
}

const BOLD_INSIDE = /^\*\*([^*\n]{1,40}?)\s*[:：]\s*\*\*\s*/u;
const BOLD_OUTSIDE = /^\*\*([^*\n]{1,40}?)\*\*\s*[:：]\s*/u;
const LATIN_NAME = /^((?:[A-Z][\p{L}'.-]*)(?: [A-Z][\p{L}'.-]*){0,3})\s*[:：]\s+/u;
const LATIN_NAME_FULLWIDTH = /^((?:[A-Z][\p{L}'.-]*)(?: [A-Z][\p{L}'.-]*){0,3})：\s*/u;
const ROLE_ZH = /^((?:主持人|嘉宾|采访者|受访者|记者|旁白|观众|提问者|Host|Guest)\d?|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10})\s*[:：]\s*/u;

// Words that look like a label but open ordinary sentences.
const NOT_SPEAKERS = new Set(["Note", "Update", "Edit", "Warning", "Example", "Source", "Yes", "No", "So", "Well", "Right", "Okay", "OK", "Http", "Https"]);

const SENTENCE_PUNCT = /[。，,.!?！？]/u;

export function splitSpeaker(text: string): Labelled {
  for (const re of [BOLD_INSIDE, BOLD_OUTSIDE, LATIN_NAME_FULLWIDTH, LATIN_NAME, ROLE_ZH]) {
    const m = re.exec(text);
    if (!m) continue;
    const name = m[1].trim();
    if (!name || NOT_SPEAKERS.has(name) || SENTENCE_PUNCT.test(name.replace(/\.$/, ""))) continue;
    const rest = text.slice(m[0].length);
    if (!rest.trim()) continue; // a label alone is not a label: keep the text
    return { speaker: name, rest };
  }
  return { rest: text };
}
