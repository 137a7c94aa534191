// Deterministic synthetic archive generator (benchmark and scale tests).
//
// Pure: strings in, values out, no file system. From real seed transcripts it harvests
// English and Chinese paragraphs (and aligned EN/ZH pairs), then composes `count` transcripts
// that cycle through every input encoding of DESIGN.md ("The input: what real archives of this
// kind contain"). Same options → byte-identical output. Each item is generated from its own
// PRNG stream (derived from the seed and its index), so item i does not depend on `count`.

export type Encoding =
  | "paragraph-pairs"
  | "line-pairs"
  | "details"
  | "single-zh"
  | "single-en"
  | "video-summary"
  | "bare";

/** The cycle: item i has encoding ENCODINGS[i % ENCODINGS.length]. */
export const ENCODINGS: readonly Encoding[] = [
  "paragraph-pairs",
  "line-pairs",
  "details",
  "single-zh",
  "video-summary",
  "bare",
  "single-en",
];

export interface SeedText {
  name: string;
  text: string;
}

export interface GenerateOptions {
  count: number;
  seedTexts: SeedText[];
  /** PRNG seed (default 1). */
  rng?: number;
  /** Average size in UTF-8 bytes of one transcript (default 150,000). */
  avgBytes?: number;
  /** Index of the first item (default 0): lets callers generate a slice of a larger archive. */
  start?: number;
}

export interface SyntheticItem {
  /** `NNNN_<16 hex>.txt` or `.md`, unique within an archive. */
  name: string;
  text: string;
  encoding: Encoding;
  /** Aligned bilingual EN/ZH pairs in the body (0 for single-language and video summaries). */
  pairs: number;
  /** Body rows: bilingual pairs plus one-sided paragraphs (the transcript paragraphs of a
   *  video summary, the paragraphs of a single-language file). Chunk markers, headings and
   *  the summary blocks of a video summary are not rows. */
  rows: number;
  /** Body sections: `###` headings of the transcript (chapters of a video summary, not the
   *  `Part N` chunk markers); 0 for bare text. */
  sections: number;
  /** `Part N` chunk markers in a video summary's translation (0 elsewhere). */
  chunkMarkers: number;
  hasFrontMatter: boolean;
  /** The title as written (front matter `title`, H1), or "" for bare text. */
  title: string;
  /** Sub-variant, e.g. `zh-first`, `style-C`, `no-p`, `labels-bold`. */
  variant: string;
  /** UTF-8 byte length of `text`. */
  bytes: number;
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((b + 0x632be5ab) | 0, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

class Rng {
  private readonly f: () => number;
  constructor(seed: number) {
    this.f = mulberry32(seed);
  }
  next(): number {
    return this.f();
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.f() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.f() < p;
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.f() * arr.length)] as T;
  }
  /** k distinct elements (or all of them when k ≥ length), in random order. */
  sample<T>(arr: readonly T[], k: number): T[] {
    const copy = arr.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.f() * (copy.length - i));
      const t = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = t;
    }
    return copy.slice(0, n);
  }
  hex(n: number): string {
    let s = "";
    while (s.length < n) s += Math.floor(this.f() * 0x10000).toString(16).padStart(4, "0");
    return s.slice(0, n);
  }
  /** Weighted choice: weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.f() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Pools (fictional people and channels; a few real, widely known companies and products)

interface Person {
  en: string;
  zh: string;
}

const PEOPLE: readonly Person[] = [
  { en: "Alexis Varga", zh: "亚历克西斯·瓦尔加" },
  { en: "Jonah Whitfield", zh: "乔纳·惠特菲尔德" },
  { en: "Mei Tanaka-Ross", zh: "田中梅" },
  { en: "Ravi Kapoor-Lind", zh: "拉维·卡普尔" },
  { en: "Sofia Marchetti", zh: "索菲亚·马尔凯蒂" },
  { en: "Daniel Okafor", zh: "丹尼尔·奥卡福" },
  { en: "Lena Hoffmann", zh: "莉娜·霍夫曼" },
  { en: "Marcus Bell", zh: "马库斯·贝尔" },
  { en: "Chen Yutong", zh: "陈雨桐" },
  { en: "Zhou Mingyuan", zh: "周明远" },
  { en: "Li Xiaoran", zh: "李笑然" },
  { en: "Wang Haoyu", zh: "王浩宇" },
  { en: "Zhang Ruoxi", zh: "张若溪" },
  { en: "Liu Jiaqi", zh: "刘佳琪" },
  { en: "Hannah Brooks", zh: "汉娜·布鲁克斯" },
  { en: "Tomás Aguilar", zh: "托马斯·阿吉拉尔" },
  { en: "Ingrid Solberg", zh: "英格丽德·索尔伯格" },
  { en: "Kwame Mensah", zh: "夸梅·门萨" },
  { en: "Aiko Moriyama", zh: "森山爱子" },
  { en: "Nadia Haddad", zh: "娜迪亚·哈达德" },
  { en: "Oliver Grant", zh: "奥利弗·格兰特" },
  { en: "Yusuf Demir", zh: "优素福·德米尔" },
  { en: "Clara Jensen", zh: "克拉拉·延森" },
  { en: "Ethan Park", zh: "伊森·朴" },
  { en: "Grace Odhiambo", zh: "格蕾丝·奥迪安博" },
  { en: "Samuel Reyes", zh: "塞缪尔·雷耶斯" },
  { en: "Fatima Zahra", zh: "法蒂玛·扎赫拉" },
  { en: "Viktor Petrov", zh: "维克多·彼得罗夫" },
  { en: "Isabel Cortez", zh: "伊莎贝尔·科尔特斯" },
  { en: "Noah Lindqvist", zh: "诺亚·林德奎斯特" },
  { en: "Huang Zhiwei", zh: "黄志伟" },
  { en: "Sun Qiao", zh: "孙乔" },
  { en: "Xu Wenjing", zh: "徐文静" },
  { en: "Gao Peng", zh: "高鹏" },
  { en: "Elena Rossi", zh: "埃莱娜·罗西" },
  { en: "Julian Weber", zh: "朱利安·韦伯" },
  { en: "Amara Nwosu", zh: "阿玛拉·恩沃苏" },
  { en: "Felix Dubois", zh: "费利克斯·杜布瓦" },
  { en: "Rosa Delgado", zh: "罗莎·德尔加多" },
  { en: "Ben Achterberg", zh: "本·阿赫特贝格" },
];

const CHANNELS: readonly string[] = [
  "Frontier Signals",
  "The Compute Hour",
  "Latent Space Radio",
  "Deep Stack Podcast",
  "Founders at Work Live",
  "Silicon Crossroads",
  "The Long Context",
  "Gradient Descent Show",
  "Open Weights Weekly",
  "Scaling Talk",
  "Tech Ledger",
  "Builders Roundtable",
  "Capital & Compute",
  "The Inference Podcast",
  "Hard Problems",
  "Robotics Now",
  "Energy Transition Forum",
  "Markets Unplugged",
  "The Product Loop",
  "Chip Talk Daily",
  "硅谷圆桌",
  "科技早知道",
  "前沿对话",
  "算力观察",
  "商业深潜",
  "未来实验室",
  "创业者说",
  "智能时代",
  "开源之声",
  "深度访谈录",
  "No Ceiling Podcast",
  "The Venture Desk",
  "Research Frontiers: AI, Robotics, & Energy",
  "Applied AI Weekly",
  "The Data Stream",
  "Policy & Progress",
  "Second Derivative",
  "Manufacturing Matters",
  "Bio Frontiers",
  "Long Game Interviews",
];

const TAGS: readonly string[] = [
  "ai基础设施", "计算扩展定律", "美国ai战略", "开源模型", "机器人", "自动驾驶", "半导体", "能源转型",
  "数据中心", "推理模型", "强化学习", "创业", "风险投资", "地缘政治", "供应链", "芯片出口管制",
  "医疗ai", "生物科技", "教育", "就业", "生产力", "云计算", "智能体", "多模态", "大语言模型",
  "中美关系", "宏观经济", "资本市场", "产品设计", "组织管理",
  "scaling-laws", "inference", "open-source", "robotics", "semiconductors", "energy",
  "venture-capital", "startups", "geopolitics", "agents", "llm", "reinforcement-learning",
  "healthcare", "biotech", "autonomous-driving", "data-centers", "supply-chain", "productivity",
  "education", "policy", "hardware", "cloud", "product-management", "leadership", "economics",
  "compute", "multimodal", "safety", "regulation", "talent",
];

const COMPANIES: readonly string[] = [
  "OpenAI", "NVIDIA", "Anthropic", "Google DeepMind", "Microsoft", "Meta", "Apple", "Amazon",
  "TSMC", "Tesla", "DeepSeek", "Alibaba", "Tencent", "ByteDance", "Baidu", "Samsung", "SK Hynix",
  "AMD", "Intel", "Arm", "Helix Robotics", "Northwind Energy", "Quanta Bio", "Lattice Labs",
  "Cobalt AI", "Meridian Capital", "Aurora Compute", "Stellar Grid", "Pinecone Health",
  "Tidewater Fabs", "Orbital Data", "Kestrel Motors", "Lumen Genomics", "Redwood Silicon",
  "Atlas Logistics", "Bluefin Finance", "Sable Security", "Harbor Education", "Vantage Cloud",
  "Juniper Legal",
];

const PRODUCTS: readonly string[] = [
  "HBM", "CUDA", "Blackwell", "GPT-5", "Claude", "Gemini", "Llama", "Qwen", "Optimus", "Waymo Driver",
  "NVLink", "TPU", "H100", "Grace Hopper", "Vision Pro", "Copilot", "Cursor", "AlphaFold",
  "Stargate", "R1",
];

const PRODUCT_SYLLABLES: readonly string[] = [
  "zor", "vex", "ka", "lum", "tri", "ora", "nex", "quil", "bra", "sen", "tal", "mira", "dyn", "ax",
  "vel", "cor", "pha", "rin", "sol", "ty",
];

const MEDIA_BOOKS: readonly string[] = [
  "The Innovator's Dilemma", "三体", "Thinking, Fast and Slow", "Sapiens", "原则", "Zero to One",
  "The Structure of Scientific Revolutions", "浪潮之巅", "Chip War",
  "The Art of Doing Science and Engineering", "Gödel, Escher, Bach", "人类简史",
  "The Hard Thing About Hard Things", "黑客与画家", "Range",
];

const AREAS = ["tech-insights", "business", "science", "policy", "culture", "investing"] as const;
const CATEGORIES = ["technology", "business", "economics", "science", "society", "interview"] as const;
const PROJECTS = [
  "ai-impact-analysis", "us-analysis", "china-analysis", "energy-watch", "robotics-tracker",
  "founder-stories", "chip-supply", "education-futures",
] as const;
const SERIES = ["AI Frontier", "创始人访谈", "Weekly Deep Dive", "年度回顾", "Compute Economics"] as const;
const STATUSES = ["evergreen", "seedling", "budding", "draft", "published"] as const;
const ROLES_ZH = ["创始人兼CEO", "联合创始人", "合伙人", "首席科学家", "研究员", "投资人", "工程副总裁", "播客主持人"] as const;

const TOPICS_EN: readonly string[] = [
  "the economics of inference", "why scaling laws still hold", "robots in the factory",
  "open-source models and national strategy", "building AI infrastructure", "the future of work",
  "energy for data centers", "chip supply chains", "reasoning models", "agents in the enterprise",
  "AI in medicine", "the next trillion-dollar company", "startups versus incumbents",
  "regulation and safety", "talent and immigration", "the cost curve of compute",
  "vertical AI applications", "digital biology", "autonomous driving", "education after AI",
  "capital cycles and bubbles", "product taste", "hiring great engineers", "long-context memory",
  "multimodal models", "US–China competition", "the edge and the cloud", "software 3.0",
  "running a research lab", "lessons from failure",
];

const TOPICS_ZH: readonly string[] = [
  "推理成本的经济学", "扩展定律为何依然成立", "工厂里的机器人", "开源模型与国家战略", "建设AI基础设施",
  "工作的未来", "数据中心的能源需求", "芯片供应链", "推理模型的突破", "企业中的智能体", "医疗领域的AI",
  "下一家万亿美元公司", "初创公司与巨头", "监管与安全", "人才与移民", "算力成本曲线", "垂直AI应用",
  "数字生物学", "自动驾驶的演进", "AI时代的教育",
];

const FALLBACK_PAIRS: readonly (readonly [string, string])[] = [
  ["Shall we start with the roadmap? There is a lot to cover today.", "我们先从路线图开始吧？今天要讲的内容很多。"],
  ["The cost of compute keeps falling, and every time it falls, demand goes up.", "算力成本一直在下降，而每次下降，需求都会上升。"],
  ["I think people underestimate how much of this is about energy.", "我认为人们低估了这件事在多大程度上关乎能源。"],
  ["We learned more from the failures than from the successes. That's the honest answer.", "我们从失败中学到的比从成功中学到的更多。这是实话。"],
  ["Yeah. Right. And that's exactly the point I was trying to make earlier.", "是的。没错。这正是我之前想表达的观点。"],
];

interface Template {
  en: string;
  zh: string;
}

// Placeholders: {p} person, {c} company, {c2} company, {x} product, {y} year, {n} number,
// {ch} channel, {t} topic. `{n}` renders as "N billion" / "N0亿".
const TEMPLATES: readonly Template[] = [
  { en: "When I talked to {p} at {c} last year, they told me {x} had changed how they plan for {y}.", zh: "去年我和{c}的{pz}聊天时，他们告诉我{x}改变了他们对{y}年的规划。" },
  { en: "{c} is spending roughly {n} billion dollars on {x}, and {p} thinks that is still too little.", zh: "{c}在{x}上大约投入了{n0}亿美元，而{pz}认为这仍然太少。" },
  { en: "If you look at {c}'s numbers from {y}, the growth in {t} is about {k} percent a year.", zh: "如果你看{c}在{y}年的数据，{tz}的增长大约是每年{k}%。" },
  { en: "{p} once said that the hardest part of building {x} was not the technology but the people.", zh: "{pz}曾经说过，打造{x}最难的部分不是技术，而是人。" },
  { en: "So, what does {x} mean for someone who works at {c} today?", zh: "那么，{x}对今天在{c}工作的人意味着什么？" },
  { en: "We shipped the first version of {x} in {y}, and honestly, nobody expected it to work.", zh: "我们在{y}年发布了{x}的第一个版本，老实说，没有人预料到它能成功。" },
  { en: "I think {c} and {c2} will both be fine, but the real winners are the customers.", zh: "我认为{c}和{c2}都会没事，但真正的赢家是客户。" },
  { en: "Yeah. Right. That's exactly what {p} was pointing at when we talked about {t}.", zh: "是的。没错。这正是{pz}在我们讨论{tz}时所指出的。" },
  { en: "Let me push back on that a little: the cost of {x} fell by {k} times in {m} years.", zh: "让我稍微反驳一下：{x}的成本在{m}年内下降了{k}倍。" },
  { en: "Thank you for having me, {p}. It's great to be back on {ch}.", zh: "谢谢你的邀请，{pz}。很高兴再次来到{chz}。" },
];

// ---------------------------------------------------------------------------------------------
// Corpus harvested from the seeds

interface PairUnit {
  en: string;
  zh: string;
  enS: string[];
  zhS: string[];
}

interface Corpus {
  pairs: PairUnit[];
  /** Every English paragraph (pair sides included). */
  en: string[];
  /** Every Chinese paragraph (pair sides included). */
  zh: string[];
  enSentences: string[];
  zhSentences: string[];
  /** Short English sentences, for quotes. */
  enShort: string[];
  /** Short Chinese sentences, for summaries, bullets, table cells. */
  zhShort: string[];
  headingsZh: string[];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;
const BAD_WORDS = /undefined|NaN/;

function countMatches(s: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
}

function classify(s: string): "en" | "zh" | null {
  const c = countMatches(s, CJK);
  const l = countMatches(s, LATIN);
  if (c >= 2 && c * 4 >= l) return "zh";
  if (l >= 2 && c === 0) return "en";
  return null;
}

const SPEAKER_BOLD = /^\*\*([^*\n：:]{1,30})[：:]\*\*\s*/;
const SPEAKER_PLAIN = /^([A-Z][A-Za-z .'’-]{0,28}[A-Za-z]|[\u4e00-\u9fff·]{1,8})[：:]\s*/;

function stripSpeaker(s: string): string {
  const b = SPEAKER_BOLD.exec(s);
  if (b) return s.slice(b[0].length);
  const p = SPEAKER_PLAIN.exec(s);
  // "Yeah: …" style labels are rare in English prose; only strip multi-word or CJK labels.
  if (p && (p[1]!.includes(" ") || /[\u4e00-\u9fff]/.test(p[1]!))) return s.slice(p[0].length);
  return s;
}

/** Text that a markdown parser would take as something other than a paragraph. */
function startsBlockSyntax(s: string): boolean {
  return /^(#|>|\||-|\*(?!\*)|\+ |<|`|=|~|\d+[.)]\s|\[)/.test(s) || /^\*\*\*/.test(s);
}

function splitEnSentences(s: string): string[] {
  return s
    .split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z])/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

function splitZhSentences(s: string): string[] {
  return (s.match(/[^。！？!?]+(?:[。！？!?]+["”’」』）)]*|$)|[。！？!?]+/g) ?? [])
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

function cleanHeading(h: string): string {
  return h
    .replace(/^\(\s*[\d:]+\s*-\s*(?:[\d:]+|End)\s*\)\s*/i, "")
    .replace(/^\d+[.)]\s*/, "")
    .trim();
}

function stripFrontMatter(text: string): string {
  if (!text.startsWith("---\n")) return text;
  const end = text.indexOf("\n---", 4);
  if (end < 0) return text;
  const after = text.indexOf("\n", end + 4);
  return after < 0 ? "" : text.slice(after + 1);
}

function harvest(seeds: readonly SeedText[]): Corpus {
  const pairs: PairUnit[] = [];
  const en: string[] = [];
  const zh: string[] = [];
  const headingsZh: string[] = [];
  const seenHeadings = new Set<string>();

  for (const seed of seeds) {
    const text = stripFrontMatter(seed.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
    // Walk blocks (runs of non-blank lines); a heading line closes a section.
    let section: { lang: "en" | "zh"; text: string }[] = [];
    const flush = (): void => {
      // A section that alternates EN/ZH (either order) is a run of aligned pairs.
      if (section.length >= 2 && section.length % 2 === 0) {
        const first = section[0]!.lang;
        let alternating = true;
        for (let i = 0; i < section.length; i++) {
          const want = i % 2 === 0 ? first : first === "en" ? "zh" : "en";
          if (section[i]!.lang !== want) alternating = false;
        }
        if (alternating) {
          for (let i = 0; i < section.length; i += 2) {
            const a = section[i]!;
            const b = section[i + 1]!;
            const e = a.lang === "en" ? a.text : b.text;
            const z = a.lang === "zh" ? a.text : b.text;
            pairs.push({ en: e, zh: z, enS: splitEnSentences(e), zhS: splitZhSentences(z) });
          }
        }
      }
      section = [];
    };
    const lines = text.split("\n");
    let block: string[] = [];
    const endBlock = (): void => {
      if (block.length === 0) return;
      const lang = block.map((l) => classify(l));
      const joined = block.every((_, i) => lang[i] === "zh") ? block.join("") : block.join(" ");
      block = [];
      const body = stripSpeaker(joined.trim());
      if (body.length < 2 || startsBlockSyntax(body) || BAD_WORDS.test(body)) return;
      const l = classify(body);
      if (l === null) return;
      (l === "en" ? en : zh).push(body);
      section.push({ lang: l, text: body });
    };
    for (const raw of lines) {
      const line = raw.trim();
      if (line === "") {
        endBlock();
        continue;
      }
      if (/^#{1,6}\s/.test(line)) {
        endBlock();
        flush();
        const m = /^(#{1,6})\s+(.*)$/.exec(line);
        if (m && m[1] === "###") {
          const h = cleanHeading(m[2]!);
          if (
            h.length >= 4 &&
            h.length <= 40 &&
            !/^Part \d+$/i.test(h) &&
            !/[|*`<>\[\]]/.test(h) &&
            !BAD_WORDS.test(h) &&
            countMatches(h, CJK) * 3 >= h.length &&
            !seenHeadings.has(h)
          ) {
            seenHeadings.add(h);
            headingsZh.push(h);
          }
        }
        continue;
      }
      if (/^(---+|\*\*\*+)$/.test(line) || startsBlockSyntax(line) && !SPEAKER_BOLD.test(line)) {
        endBlock();
        continue;
      }
      block.push(line);
    }
    endBlock();
    flush();
  }

  if (pairs.length === 0) {
    // No aligned seed: zip the one-sided pools, or fall back to a built-in handful.
    const n = Math.min(en.length, zh.length);
    for (let i = 0; i < n; i++) {
      pairs.push({ en: en[i]!, zh: zh[i]!, enS: splitEnSentences(en[i]!), zhS: splitZhSentences(zh[i]!) });
    }
    if (pairs.length === 0) {
      for (const [e, z] of FALLBACK_PAIRS) {
        pairs.push({ en: e, zh: z, enS: splitEnSentences(e), zhS: splitZhSentences(z) });
        en.push(e);
        zh.push(z);
      }
    }
  }
  for (const p of pairs) {
    if (p.enS.length === 0) p.enS = [p.en];
    if (p.zhS.length === 0) p.zhS = [p.zh];
  }
  if (en.length === 0) for (const p of pairs) en.push(p.en);
  if (zh.length === 0) for (const p of pairs) zh.push(p.zh);

  const enSentences = en.flatMap(splitEnSentences).filter((s) => !startsBlockSyntax(s));
  const zhSentences = zh.flatMap(splitZhSentences).filter((s) => !startsBlockSyntax(s));
  const enShort = enSentences.filter((s) => s.length >= 30 && s.length <= 220 && !s.includes('"'));
  const zhShort = zhSentences.filter((s) => s.length >= 8 && s.length <= 80);
  if (enShort.length === 0) enShort.push(...FALLBACK_PAIRS.map((p) => p[0]));
  if (zhShort.length === 0) zhShort.push(...FALLBACK_PAIRS.map((p) => p[1]));
  if (headingsZh.length === 0) headingsZh.push(...TOPICS_ZH);

  return {
    pairs,
    en,
    zh,
    enSentences: enSentences.length > 0 ? enSentences : enShort,
    zhSentences: zhSentences.length > 0 ? zhSentences : zhShort,
    enShort,
    zhShort,
    headingsZh,
  };
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function titleCase(s: string): string {
  const small = new Set(["a", "an", "and", "the", "of", "in", "on", "for", "to", "versus", "after", "from"]);
  return s
    .split(" ")
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ");
}

function slugish(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9\u4e00-\u9fff]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function cell(s: string): string {
  return s.replace(/\|/g, "／").replace(/\n/g, " ");
}

function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max).join("");
}

/** `m:ss` or `h:mm:ss` (transcript headings, durations). */
function fmtTime(sec: number): string {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** `mm:ss` or `h:mm:ss` (chapter table). */
function fmtTable(sec: number): string {
  return sec >= 3600 ? fmtTime(sec) : fmtTime(sec).padStart(5, "0");
}

const DAY_MS = 86_400_000;
const DATE_FROM = Date.UTC(2019, 0, 1);
const DATE_DAYS = Math.round((Date.UTC(2026, 11, 31) - DATE_FROM) / DAY_MS);

function randomDate(r: Rng): string {
  return new Date(DATE_FROM + r.int(0, DATE_DAYS) * DAY_MS).toISOString().slice(0, 10);
}

function videoId(r: Rng): string {
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (;;) {
    let s = "";
    for (let i = 0; i < 11; i++) s += abc[r.int(0, 63)];
    if (!BAD_WORDS.test(s)) return s;
  }
}

function productName(r: Rng): string {
  const a = r.pick(PRODUCT_SYLLABLES);
  const b = r.pick(PRODUCT_SYLLABLES);
  const base = a.charAt(0).toUpperCase() + a.slice(1) + b;
  return r.chance(0.5) ? `${base}-${r.int(1, 9)}` : r.chance(0.5) ? `${base} Pro` : base;
}

// ---------------------------------------------------------------------------------------------
// YAML

const YAML_RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

function plainOk(s: string, flow: boolean): boolean {
  if (s === "" || s !== s.trim()) return false;
  if (YAML_RESERVED.test(s)) return false;
  if (/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s) || /^0[xo]/i.test(s)) return false;
  if (/^\d{4}-\d\d?-\d\d?/.test(s)) return false;
  if (/^[-?:,\[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/: |:$| #|\t|\n/.test(s)) return false;
  if (flow && /[,\[\]{}]/.test(s)) return false;
  return true;
}

function yamlStr(s: string, flow = false): string {
  return plainOk(s, flow) ? s : `'${s.replace(/'/g, "''")}'`;
}

/** A single-quoted scalar wrapped over several lines (YAML folds the breaks into spaces). */
function yamlWrapped(s: string, width: number): string {
  const chars = Array.from(s);
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += width) chunks.push(chars.slice(i, i + width).join(""));
  return `'${chunks.map((c) => c.replace(/'/g, "''")).join("\n  ")}'`;
}

type ListStyle = "block" | "flow" | "null" | "string" | "empty";

function yamlList(key: string, values: readonly string[], style: ListStyle): string[] {
  if (style === "null") return [`${key}:`];
  if (style === "empty" || values.length === 0) return [`${key}: []`];
  if (style === "string") return [`${key}: ${yamlStr(values[0]!)}`];
  if (style === "flow") return [`${key}: [${values.map((v) => yamlStr(v, true)).join(", ")}]`];
  return [`${key}:`, ...values.map((v) => `- ${yamlStr(v)}`)];
}

interface Meta {
  title: string;
  summary: string;
  date: string;
  speaker: string;
  guest: string;
  source: string;
  tags: string[];
  people: string[];
  companies: string[];
  products: string[];
  media: string[];
}

function frontMatter(r: Rng, m: Meta): string {
  const listStyle = (): ListStyle =>
    r.weighted<ListStyle>([["block", 80], ["flow", 6], ["null", 5], ["string", 5], ["empty", 4]]);
  const drop = (): boolean => r.chance(0.04);
  const out: string[] = ["---", `title: ${yamlStr(m.title)}`];
  if (!drop()) {
    out.push(
      r.chance(0.15) && m.summary.length > 60
        ? `summary: ${yamlWrapped(m.summary, r.int(30, 70))}`
        : `summary: ${yamlStr(m.summary)}`,
    );
  }
  if (!drop()) out.push(`area: ${r.pick(AREAS)}`);
  if (!drop()) out.push(`category: ${r.pick(CATEGORIES)}`);
  if (!drop()) out.push(...yamlList("project", r.sample(PROJECTS, r.int(1, 2)), listStyle()));
  out.push(...yamlList("tags", m.tags, listStyle()));
  if (!drop()) out.push(...yamlList("people", m.people, m.people.length === 0 ? "empty" : listStyle()));
  if (!drop()) out.push(...yamlList("companies_orgs", m.companies, listStyle()));
  if (!drop()) out.push(...yamlList("products_models", m.products, listStyle()));
  if (!drop()) out.push(...yamlList("media_books", m.media, m.media.length === 0 ? "empty" : listStyle()));
  out.push(`date: ${r.chance(0.85) ? `'${m.date}'` : m.date}`);
  if (!drop()) out.push(`author: ${yamlStr(m.speaker)}`);
  out.push(`speaker: ${yamlStr(m.speaker)}`);
  out.push("draft: true");
  if (!drop()) out.push(`guest: ${m.guest === "" ? "''" : yamlStr(m.guest)}`);
  if (!drop()) {
    out.push(r.chance(0.75) ? "insight: ''" : `insight: ${yamlStr(m.summary.length > 0 ? clip(m.summary, 40) : "")}`);
  }
  out.push("layout: post.njk");
  if (!drop()) out.push(r.chance(0.6) ? "series: ''" : r.chance(0.15) ? "series:" : `series: ${yamlStr(r.pick(SERIES))}`);
  if (!drop()) out.push(`source: ${m.source}`);
  if (!drop()) out.push(`status: ${r.pick(STATUSES)}`);
  out.push("---");
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Composition

interface Cast {
  host: Person;
  guests: Person[];
  channel: string;
  companies: string[];
  products: string[];
  topicsEn: string[];
  topicsZh: string[];
}

class Out {
  readonly parts: string[] = [];
  bytes = 0;
  push(s: string): void {
    this.parts.push(s);
    this.bytes += Buffer.byteLength(s, "utf8");
  }
  text(): string {
    return this.parts.join("");
  }
}

class Composer {
  constructor(
    private readonly r: Rng,
    private readonly c: Corpus,
    private readonly cast: Cast,
  ) {}

  templatePair(): { en: string; zh: string } {
    const r = this.r;
    const t = r.pick(TEMPLATES);
    const pi = r.int(0, this.cast.guests.length);
    const p = pi === this.cast.guests.length ? this.cast.host : this.cast.guests[pi]!;
    const c = r.pick(this.cast.companies);
    let c2 = r.pick(COMPANIES);
    if (c2 === c) c2 = COMPANIES[(COMPANIES.indexOf(c2) + 1) % COMPANIES.length]!;
    const x = r.pick(this.cast.products);
    const ti = r.int(0, Math.min(this.cast.topicsEn.length, this.cast.topicsZh.length) - 1);
    const n = r.int(2, 90);
    const vars: Record<string, string> = {
      p: p.en,
      pz: p.zh,
      c,
      c2,
      x,
      y: String(r.int(2012, 2026)),
      n: String(n),
      n0: String(n * 10),
      k: String(r.int(3, 60)),
      m: String(r.int(2, 12)),
      // An English sentence does not name a Chinese-named channel (keeps English sides CJK-free).
      ch: /[\u3400-\u9fff]/.test(this.cast.channel) ? "the show" : this.cast.channel,
      chz: this.cast.channel,
      t: this.cast.topicsEn[ti]!,
      tz: this.cast.topicsZh[ti]!,
    };
    const sub = (s: string): string => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? k);
    return { en: sub(t.en), zh: sub(t.zh) };
  }

  private merged(k: number): { en: string; zh: string } {
    const ps = this.c.pairs;
    const start = this.r.int(0, ps.length - 1);
    const en: string[] = [];
    const zh: string[] = [];
    for (let i = 0; i < k; i++) {
      const p = ps[(start + i) % ps.length]!;
      en.push(p.en);
      zh.push(p.zh);
    }
    return { en: en.join(" "), zh: zh.join("") };
  }

  private fragment(maxSentences: number): { en: string; zh: string } {
    const p = this.r.pick(this.c.pairs);
    const el = p.enS.length;
    const zl = p.zhS.length;
    const k = this.r.int(1, Math.min(maxSentences, el));
    const s = this.r.int(0, el - k);
    const zs = Math.min(zl - 1, Math.round((s * zl) / el));
    const zk = Math.max(1, Math.round((k * zl) / el));
    const en = p.enS.slice(s, s + k).join(" ");
    const zh = p.zhS.slice(zs, zs + zk).join("");
    // A fragment must still read as a paragraph (not "96. So…" → an ordered list).
    if (en === "" || zh === "" || startsBlockSyntax(en) || startsBlockSyntax(zh)) return { en: p.en, zh: p.zh };
    return { en, zh };
  }

  /** A paragraph-sized aligned pair, lengths distributed like real transcripts. */
  paragraph(): { en: string; zh: string } {
    const r = this.r;
    const x = r.next();
    if (x < 0.6) {
      const p = r.pick(this.c.pairs);
      return { en: p.en, zh: p.zh };
    }
    if (x < 0.73) return this.fragment(3);
    if (x < 0.89) return this.merged(r.int(2, 3));
    if (x < 0.95) {
      const t = this.templatePair();
      if (r.chance(0.5)) return t;
      const p = r.pick(this.c.pairs);
      return { en: `${t.en} ${p.en}`, zh: `${t.zh}${p.zh}` };
    }
    if (x < 0.985) return this.merged(r.int(3, 5));
    if (x < 0.996) return this.merged(r.int(5, 9));
    return this.merged(r.int(10, 22)); // the occasional huge paragraph (well over 5,000 chars)
  }

  /** A short aligned pair: one line each. */
  line(): { en: string; zh: string } {
    const x = this.r.next();
    if (x < 0.7) return this.fragment(2);
    if (x < 0.9) return this.templatePair();
    const p = this.r.pick(this.c.pairs);
    return p.en.length < 600 ? { en: p.en, zh: p.zh } : this.fragment(3);
  }

  /** A Chinese paragraph (video-summary translations, Chinese-only files). */
  zhParagraph(): string {
    const r = this.r;
    const x = r.next();
    if (x < 0.45) return r.pick(this.c.zh);
    if (x < 0.8) {
      const n = r.int(1, 4);
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(r.pick(this.c.zhSentences));
      return out.join("");
    }
    if (x < 0.88) return this.templatePair().zh;
    if (x < 0.99) return this.merged(r.int(2, 4)).zh;
    return this.merged(r.int(12, 25)).zh;
  }

  enParagraph(): string {
    const r = this.r;
    const x = r.next();
    if (x < 0.55) return r.pick(this.c.en);
    if (x < 0.75) {
      const n = r.int(1, 4);
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(r.pick(this.c.enSentences));
      return out.join(" ");
    }
    if (x < 0.85) return this.templatePair().en;
    if (x < 0.98) return this.merged(r.int(2, 3)).en;
    if (x < 0.995) return this.merged(r.int(4, 7)).en;
    return this.merged(r.int(10, 20)).en;
  }

  heading(lang: "en" | "zh"): string {
    const r = this.r;
    if (lang === "en") {
      const t = titleCase(r.pick(TOPICS_EN));
      return r.chance(0.3) ? `${t} at ${r.pick(this.cast.companies)}` : t;
    }
    const h = r.pick(this.c.headingsZh);
    return r.chance(0.1) ? `${r.pick(this.cast.companies)}：${h}` : h;
  }

  zhSentence(max = 60): string {
    return clip(this.r.pick(this.c.zhShort), max);
  }

  /** A short English sentence without double quotes (for quote blocks). */
  enQuote(): string {
    return this.r.pick(this.c.enShort);
  }
}

function makeCast(r: Rng): Cast {
  const people = r.sample(PEOPLE, 4);
  const products = r.sample(PRODUCTS, r.int(2, 4));
  for (let i = r.int(1, 3); i > 0; i--) products.push(productName(r));
  const topicIdx = r.sample(
    Array.from({ length: Math.min(TOPICS_EN.length, TOPICS_ZH.length) }, (_, i) => i),
    6,
  );
  return {
    host: people[0]!,
    guests: people.slice(1, 1 + r.int(1, 3)),
    channel: r.pick(CHANNELS),
    companies: r.sample(COMPANIES, r.int(2, 6)),
    products,
    topicsEn: topicIdx.map((i) => TOPICS_EN[i]!),
    topicsZh: topicIdx.map((i) => TOPICS_ZH[i]!),
  };
}

function makeMeta(r: Rng, comp: Composer, cast: Cast, titleLang: "en" | "zh"): Meta {
  const guest = cast.guests[0]!;
  let title: string;
  if (titleLang === "zh") {
    const h = comp.heading("zh");
    title = r.weighted<string>([
      [`${guest.zh}：${h}`, 4],
      [`${cast.channel}对话${guest.zh}：${h}`, 2],
      [`${h}——${r.pick(cast.companies)}的下一步`, 2],
      [h, 1],
    ]);
  } else {
    const t = titleCase(r.pick(cast.topicsEn));
    title = r.weighted<string>([
      [`${guest.en} on ${t}`, 4],
      [`${t} | ${cast.channel}`, 2],
      [`${cast.channel} #${r.int(1, 400)}: ${t} with ${guest.en}`, 2],
      [`“${t}”: A Conversation with ${guest.en}`, 1],
    ]);
  }
  const sumParts: string[] = [];
  for (let i = r.int(1, 3); i > 0; i--) sumParts.push(comp.zhSentence(120));
  const tags = r.sample(TAGS, r.int(2, 7));
  return {
    title,
    summary: sumParts.join(""),
    date: randomDate(r),
    speaker: cast.channel,
    guest: r.chance(0.4) ? guest.en : "",
    source: `https://www.youtube.com/watch?v=${videoId(r)}`,
    tags,
    people: r.chance(0.2) ? [] : [cast.host, ...cast.guests].map((p) => slugish(p.en)),
    companies: cast.companies.map(slugish),
    products: cast.products.map(slugish),
    media: r.chance(0.6) ? [] : r.sample(MEDIA_BOOKS, r.int(1, 2)),
  };
}

interface Body {
  pairs: number;
  rows: number;
  sections: number;
  chunkMarkers: number;
  variant: string;
  title: string;
  hasFrontMatter: boolean;
}

function sizeTarget(r: Rng, avg: number): number {
  // Mean ≈ 1.0 × avg, with a long-ish tail: most files 0.4–1.5 ×, some 1.2–2.2 ×.
  const f = r.chance(0.9) ? 0.4 + 1.05 * r.next() : 1.2 + 1.0 * r.next();
  return Math.max(600, Math.round(avg * f * 0.98));
}

/** Sections of `###` headings filled by `unit` until the target size is reached. */
function sections(
  out: Out,
  target: number,
  r: Rng,
  heading: () => string,
  unit: () => void,
  perSection: () => number,
): number {
  let n = 0;
  while (n === 0 || out.bytes < target) {
    out.push(`\n### ${heading()}\n`);
    n++;
    for (let k = perSection(); k > 0; k--) {
      unit();
      if (out.bytes >= target && r.chance(0.7)) break;
    }
  }
  return n;
}

function writeParagraphPairs(r: Rng, comp: Composer, cast: Cast, out: Out, target: number): Body {
  const zhFirst = r.chance(0.25);
  const headLang: "en" | "zh" = r.chance(0.2) ? "en" : "zh";
  const meta = makeMeta(r, comp, cast, r.chance(0.8) ? "zh" : "en");
  out.push(frontMatter(r, meta));
  let pairs = 0;
  const n = sections(
    out,
    target,
    r,
    () => comp.heading(headLang),
    () => {
      const p = comp.paragraph();
      out.push(zhFirst ? `\n${p.zh}\n\n${p.en}\n` : `\n${p.en}\n\n${p.zh}\n`);
      pairs++;
    },
    () => r.weighted<number>([[1, 70], [2, 18], [3, 8], [6, 4]]),
  );
  return { pairs, rows: pairs, sections: n, chunkMarkers: 0, variant: zhFirst ? "zh-first" : "en-first", title: meta.title, hasFrontMatter: true };
}

function writeLinePairs(r: Rng, comp: Composer, cast: Cast, out: Out, target: number): Body {
  const style = r.weighted<"plain" | "bold" | "none" | "mixed">([["plain", 45], ["bold", 25], ["none", 15], ["mixed", 15]]);
  const meta = makeMeta(r, comp, cast, r.chance(0.7) ? "zh" : "en");
  out.push(frontMatter(r, meta));
  const speakers = [cast.host, ...cast.guests];
  let pairs = 0;
  const label = (): [string, string] => {
    if (style === "none" || (style === "mixed" && r.chance(0.5))) return ["", ""];
    const i = r.int(0, speakers.length - 1);
    const p = speakers[i]!;
    if (style === "bold") return i === 0 ? ["**Host:** ", "**主持人：**"] : [`**${p.en}:** `, `**${p.en}：**`];
    return [`${p.en}: `, `${p.en}：`];
  };
  const n = sections(
    out,
    target,
    r,
    () => comp.heading(r.chance(0.2) ? "en" : "zh"),
    () => {
      const lines: string[] = [];
      for (let i = r.int(2, 10); i > 0; i--) {
        const p = comp.line();
        const [le, lz] = label();
        lines.push(`${le}${p.en}`, `${lz}${p.zh}`);
        pairs++;
      }
      out.push(`\n${lines.join("\n")}\n`);
    },
    () => r.int(1, 3),
  );
  return { pairs, rows: pairs, sections: n, chunkMarkers: 0, variant: `labels-${style}`, title: meta.title, hasFrontMatter: true };
}

const DETAILS_SUMMARIES = ["Original English", "View Original English", "View/Hide Original English", "Show Original English", "Hide Original English"] as const;

function writeDetails(r: Rng, comp: Composer, cast: Cast, out: Out, target: number): Body {
  const form = r.weighted<"p" | "no-p" | "mixed">([["p", 70], ["no-p", 15], ["mixed", 15]]);
  const summary = r.pick(DETAILS_SUMMARIES);
  const meta = makeMeta(r, comp, cast, "zh");
  out.push(frontMatter(r, meta));
  let pairs = 0;
  const n = sections(
    out,
    target,
    r,
    () => comp.heading("zh"),
    () => {
      const p = comp.paragraph();
      const s = r.chance(0.85) ? summary : r.pick(DETAILS_SUMMARIES);
      const withP = form === "p" || (form === "mixed" && r.chance(0.5));
      const en = escapeHtml(p.en);
      const inner = withP ? `<p class="english-text">${en}</p>` : en;
      out.push(`\n${p.zh}\n\n<details>\n<summary>${s}</summary>\n${inner}\n</details>\n`);
      pairs++;
    },
    () => r.weighted<number>([[1, 60], [2, 25], [4, 15]]),
  );
  return { pairs, rows: pairs, sections: n, chunkMarkers: 0, variant: form, title: meta.title, hasFrontMatter: true };
}

function writeSingle(lang: "en" | "zh", r: Rng, comp: Composer, cast: Cast, out: Out, target: number): Body {
  const meta = makeMeta(r, comp, cast, lang === "zh" ? "zh" : "en");
  out.push(frontMatter(r, meta));
  const labelled = lang === "zh" && r.chance(0.4);
  let rows = 0;
  const n = sections(
    out,
    target,
    r,
    () => comp.heading(lang),
    () => {
      if (lang === "zh") {
        const label = labelled && r.chance(0.3) ? (r.chance(0.5) ? "**主持人：**" : `**${cast.guests[0]!.en}：**`) : "";
        out.push(`\n${label}${comp.zhParagraph()}\n`);
      } else {
        out.push(`\n${comp.enParagraph()}\n`);
      }
      rows++;
    },
    () => r.int(1, 8),
  );
  return { pairs: 0, rows, sections: n, chunkMarkers: 0, variant: labelled ? "labelled" : "plain", title: meta.title, hasFrontMatter: true };
}

function writeBare(r: Rng, comp: Composer, out: Out, target: number): Body {
  let pairs = 0;
  while (pairs === 0 || out.bytes < target) {
    const p = comp.paragraph();
    out.push(pairs === 0 ? `${p.en}\n\n${p.zh}\n` : `\n${p.en}\n\n${p.zh}\n`);
    pairs++;
  }
  return { pairs, rows: pairs, sections: 0, chunkMarkers: 0, variant: "en-first", title: "", hasFrontMatter: false };
}

type VideoStyle = "A" | "B" | "C" | "D";

interface VideoLabels {
  info: string;
  channel: string;
  date: string;
  duration: string;
  link: string;
  tldr: string;
  chapters: string;
  chapterCols: string;
  points: string;
  companies: string;
  companyCols: string;
  quotes: string;
  people: string;
  type: string;
  translation: string;
}

const LABELS_ZH: VideoLabels = {
  info: "📹 视频信息",
  channel: "频道",
  date: "发布日期",
  duration: "时长",
  link: "原始链接",
  tldr: "TL;DR",
  chapters: "📑 章节导航表",
  chapterCols: "| 时间戳 | 章节标题 | 一句话概括 |\n|--------|----------|-----------|",
  points: "📊 核心论点",
  companies: "🏢 提及的公司/产品",
  companyCols: "| 公司名 | 讨论语境 | 重要性 |\n|--------|----------|--------|",
  quotes: "💬 经典金句",
  people: "👤 主要人物",
  type: "📺 视频类型判断",
  translation: "📝 完整翻译",
};

const LABELS_EN: VideoLabels = {
  info: "Video Information",
  channel: "Channel",
  date: "Published",
  duration: "Duration",
  link: "Original Link",
  tldr: "TL;DR",
  chapters: "Chapter Navigation",
  chapterCols: "| Timestamp | Chapter | Summary |\n|---|---|---|",
  points: "Key Arguments",
  companies: "Companies Mentioned",
  companyCols: "| Company | Context | Importance |\n|---|---|---|",
  quotes: "Classic Quotes",
  people: "Key People",
  type: "Video Type",
  translation: "Full Translation",
};

function writeVideoSummary(r: Rng, comp: Composer, cast: Cast, out: Out, target: number): Body {
  const style = r.weighted<VideoStyle>([["A", 40], ["B", 25], ["C", 20], ["D", 15]]);
  const L = style === "C" ? LABELS_EN : LABELS_ZH;
  // Block heading level and the level of items inside blocks.
  const H = style === "D" ? "###" : "##";
  const S = style === "D" ? "####" : "###";
  let blockNo = 0;
  const block = (label: string): string => {
    blockNo++;
    return style === "B" || style === "D" ? `${H} ${blockNo}. ${label}` : `${H} ${label}`;
  };
  const guest = cast.guests[0]!;
  const title =
    r.chance(0.8)
      ? r.weighted<string>([
          [`${guest.en} on ${titleCase(r.pick(cast.topicsEn))}`, 3],
          [`${r.pick(cast.companies)}’s ${guest.en} on ${titleCase(r.pick(cast.topicsEn))}, and Refuting the “${titleCase(r.pick(cast.topicsEn))}” Narrative`, 1],
        ])
      : `${guest.zh}：${comp.heading("zh")}`;
  const date = randomDate(r);

  // 1. The translation (its size drives the rest), as chapters of paragraphs.
  interface Para {
    text: string;
    /** Timing weight (UTF-8 bytes, capped). */
    bytes: number;
  }
  const chapters: { title: string; summary: string; paras: Para[] }[] = [];
  const headerBudget = 6000 + Math.round(target * 0.04);
  const transTarget = Math.max(400, target - headerBudget);
  const chapterTarget = Math.max(300, Math.round(transTarget / r.int(6, 24)));
  const hostLabel = style === "C" ? "**Host：**" : "**主持人：**";
  const guestLabel = r.chance(0.5) ? `**${guest.en}：**` : `${guest.en}：`;
  let realBytes = 0; // actual size, drives the size target
  let transBytes = 0; // sum of timing weights
  let rows = 0;
  while (chapters.length === 0 || realBytes < transTarget) {
    const ch = { title: comp.heading("zh"), summary: comp.zhSentence(40), paras: [] as Para[] };
    chapters.push(ch);
    const want = chapterTarget * (0.5 + r.next());
    let b = 0;
    while (ch.paras.length === 0 || (b < want && realBytes < transTarget)) {
      const x = r.next();
      const label = x < 0.15 ? hostLabel : x < 0.3 ? guestLabel : "";
      const text = label + comp.zhParagraph();
      const size = Buffer.byteLength(text, "utf8") + 2;
      // Timing weight: capped, so one huge paragraph does not swallow half an hour of video.
      const bytes = Math.min(4000, size);
      ch.paras.push({ text, bytes });
      b += size;
      realBytes += size;
      transBytes += bytes;
      rows++;
    }
  }

  // 2. Timing: paragraph start times proportional to the text before them.
  const duration = Math.min(5 * 3600, Math.max(300, Math.round(transBytes / r.int(8, 14))));
  const starts: number[] = [];
  let acc = 0;
  let prev = -1;
  for (const ch of chapters) {
    const t = Math.max(prev + 1, Math.floor((acc / transBytes) * duration));
    starts.push(t);
    prev = t;
    for (const p of ch.paras) acc += p.bytes;
  }
  const ends = starts.map((_, i) => (i + 1 < starts.length ? starts[i + 1]! : Math.max(starts[i]! + 1, duration - r.int(0, 20))));

  // 3. Header blocks.
  const url = `https://www.youtube.com/watch?v=${videoId(r)}`;
  out.push(`# ${title}\n\n${block(L.info)}\n\n`);
  out.push(`- **${L.channel}**: ${cast.channel}\n- **${L.date}**: ${date}\n- **${L.duration}**: ${fmtTime(duration)}\n- **${L.link}**: [${url}](${url})\n\n---\n\n`);
  out.push(`> 本文内容整理自${guest.zh}（${guest.en}）在${cast.channel}频道与${cast.host.zh}的深度访谈。\n\n---\n\n`);
  const tldr: string[] = [];
  for (let i = r.int(2, 4); i > 0; i--) tldr.push(comp.zhSentence(80));
  const tldrLabel = style === "B" ? `${L.tldr}（一句话核心洞察）` : L.tldr;
  out.push(`${block(tldrLabel)}\n\n${tldr.join("")}\n\n---\n\n`);

  const table: string[] = [`${block(L.chapters)}\n\n${L.chapterCols}`];
  chapters.forEach((ch, i) => {
    table.push(`| ${fmtTable(starts[i]!)}-${fmtTable(ends[i]!)} | ${cell(ch.title)} | ${cell(ch.summary)} |`);
  });
  out.push(`${table.join("\n")}\n\n---\n\n`);

  const points: string[] = [block(L.points), ""];
  for (let i = 1, n = r.int(3, 12); i <= n; i++) {
    points.push(
      `${S} ${i}. ${comp.heading("zh")}`,
      "",
      `- **核心内容**：${comp.zhSentence(80)}${comp.zhSentence(80)}`,
      `- **关键概念**：${r.sample(cast.topicsZh, 3).join("、")}`,
      `- **实际意义**：${comp.zhSentence(80)}`,
      "",
    );
  }
  out.push(`${points.join("\n")}\n---\n\n`);

  if (r.chance(0.8)) {
    const rowsC: string[] = [`${block(L.companies)}\n\n${L.companyCols}`];
    for (const c of cast.companies) rowsC.push(`| ${c} | ${cell(comp.zhSentence(40))} | ${"⭐".repeat(r.int(1, 3))} |`);
    out.push(`${rowsC.join("\n")}\n\n---\n\n`);
  }

  const quotes: string[] = [block(L.quotes), ""];
  for (let i = r.int(2, 6); i > 0; i--) {
    quotes.push(`> "${comp.enQuote()}"`, `> — ${r.chance(0.7) ? guest.en : cast.host.en}`, "");
  }
  out.push(`${quotes.join("\n")}\n---\n\n`);

  const people: string[] = [block(L.people), ""];
  for (const p of [guest, cast.host, ...cast.guests.slice(1)]) {
    people.push(
      `${S} ${p.en}（${p.zh}）`,
      "",
      `**身份**：${r.pick(cast.companies)}${r.pick(ROLES_ZH)}`,
      `**背景**：${comp.zhSentence(60)}`,
      `**核心观点**：${comp.zhSentence(60)}`,
      "",
    );
  }
  out.push(`${people.join("\n")}\n---\n\n`);
  out.push(`${block(L.type)}\n\n**${r.pick(["访谈对话", "主题演讲", "圆桌讨论", "播客对谈"])}**\n\n---\n\n`);

  // 4. The translation, with `Part N` chunk markers every 15 minutes.
  out.push(`${block(L.translation)}\n`);
  const chunk = 900;
  let nextBoundary = chunk;
  let markers = 0;
  const marker = (): string => {
    const startT = nextBoundary;
    const endT = startT + chunk;
    const label = `(${fmtTime(startT)} - ${endT < duration ? fmtTime(endT) : "End"}) Part ${startT / chunk + 1}`;
    nextBoundary += chunk;
    markers++;
    return `\n${S} ${label}\n`;
  };
  acc = 0;
  chapters.forEach((ch, i) => {
    const parts: string[] = [];
    ch.paras.forEach((p, j) => {
      const t = Math.floor((acc / transBytes) * duration);
      while (nextBoundary < duration && t >= nextBoundary) {
        if (j === 0) out.push(marker());
        else parts.push(marker());
      }
      if (j === 0) parts.push(`\n${S} (${fmtTime(starts[i]!)} - ${fmtTime(ends[i]!)}) ${ch.title}\n> ${ch.summary}\n`);
      parts.push(`\n${p.text}\n`);
      acc += p.bytes;
    });
    out.push(parts.join(""));
  });
  const stamp = `${date} ${String(r.int(0, 23)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}`;
  const gen = r.pick(["YouTube Monitor & Translator (Claude CLI)", "YouTube Monitor & Translator", "Video Digest Bot"]);
  out.push(`\n\n---\n\n*生成时间: ${stamp}*\n*由 ${gen} 生成*\n`);
  return { pairs: 0, rows, sections: chapters.length, chunkMarkers: markers, variant: `style-${style}`, title, hasFrontMatter: false };
}

// ---------------------------------------------------------------------------------------------
// Public API

const corpusCache = new WeakMap<readonly SeedText[], Corpus>();

function corpusFor(seeds: readonly SeedText[]): Corpus {
  let c = corpusCache.get(seeds);
  if (!c) {
    c = harvest(seeds);
    corpusCache.set(seeds, c);
  }
  return c;
}

/** Generate item `index` of the archive described by `opts` (independent of `count`). */
export function generateItem(opts: Omit<GenerateOptions, "count">, index: number): SyntheticItem {
  const corpus = corpusFor(opts.seedTexts);
  const seed = (opts.rng ?? 1) >>> 0;
  const avg = opts.avgBytes ?? 150_000;
  const r = new Rng(mix(seed, index));
  const encoding = ENCODINGS[index % ENCODINGS.length]!;
  const ext = r.chance(0.6) ? "txt" : "md";
  const name = `${String(index).padStart(4, "0")}_${r.hex(16)}.${ext}`;
  const target = sizeTarget(r, avg);
  const cast = makeCast(r);
  const comp = new Composer(r, corpus, cast);
  const out = new Out();
  let body: Body;
  switch (encoding) {
    case "paragraph-pairs":
      body = writeParagraphPairs(r, comp, cast, out, target);
      break;
    case "line-pairs":
      body = writeLinePairs(r, comp, cast, out, target);
      break;
    case "details":
      body = writeDetails(r, comp, cast, out, target);
      break;
    case "single-zh":
      body = writeSingle("zh", r, comp, cast, out, target);
      break;
    case "single-en":
      body = writeSingle("en", r, comp, cast, out, target);
      break;
    case "video-summary":
      body = writeVideoSummary(r, comp, cast, out, target);
      break;
    case "bare":
      body = writeBare(r, comp, out, target);
      break;
  }
  return { name, text: out.text(), encoding, bytes: out.bytes, ...body };
}

/** Lazily generate the archive, one item at a time (for writing large archives). */
export function* iterateArchive(opts: GenerateOptions): Generator<SyntheticItem> {
  const start = opts.start ?? 0;
  for (let i = 0; i < opts.count; i++) yield generateItem(opts, start + i);
}

/** Generate `count` synthetic transcripts. Same options → byte-identical output. */
export function generateArchive(opts: GenerateOptions): SyntheticItem[] {
  return Array.from(iterateArchive(opts));
}
