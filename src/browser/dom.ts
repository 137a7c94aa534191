// Building DOM nodes: all text goes in as text nodes (never markup), no inline styles (CSP).
import { HAN } from "../search/han.ts";

type Child = Node | string | false | null | undefined;

/** An element with attributes (`class` sets the class; true is an empty attribute; false/null/undefined leave it out) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | null | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = String(v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== undefined && c !== null && c !== false) node.append(c);
  return node;
}

/** `lang` of a text: Chinese when it holds a Han character. */
export function langOf(text: string | undefined): "zh-CN" | "en" {
  return HAN.test(text || "") ? "zh-CN" : "en";
}
