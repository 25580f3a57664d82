/**
 * Characters that print as nothing (or as an ordinary space) are escaped in every message, so an
 * id that holds U+202E RIGHT-TO-LEFT OVERRIDE or a zero-width space cannot look like a valid one.
 */

/**
 * Invisible or misleading characters: controls (except the line feed that separates message lines),
 * format characters (bidi overrides and isolates, zero-width space/joiners, BOM, soft hyphen),
 * lone surrogates, line/paragraph separators, default-ignorable code points (Hangul fillers,
 * variation selectors, tags) and spaces other than U+0020 and the ideographic space U+3000.
 */
const INVISIBLE = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00A0\u1680\u2000-\u200A\u202F\u205F]/gu;

/**
 * `text` with every invisible character written as a `\uXXXX` escape (`\u{XXXXX}` beyond the BMP),
 * e.g. `"QJ\u202E_CITY"`. Visible text, CJK included, is unchanged.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${cp.toString(16).toUpperCase()}}` : `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}
