// Finds where a passage sits in an article's displayed text. Offsets from the API index the article's original
// text; the page shows the normalized text (layout repaired), so the passage is searched for there, tolerant of
// whitespace and of typographic quote/dash variants, and the match nearest the original offset wins.

const quoteClass = "['‘’‚‛′`´]";
const doubleQuoteClass = '["“”„‟″«»]';
const dashClass = "[-‐‑‒–—―−]";

/** A regular expression source that matches text with any whitespace and any quote or dash variant. */
export function tolerantPattern(text) {
  const words = String(text ?? "").trim().split(/\s+/).filter(Boolean);
  return words
    .map((word) =>
      [...word]
        .map((ch) => {
          if (/['‘’‚‛′`´]/.test(ch)) return quoteClass;
          if (/["“”„‟″«»]/.test(ch)) return doubleQuoteClass;
          if (/[-‐‑‒–—―−]/.test(ch)) return dashClass;
          return ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
        })
        .join(""),
    )
    .join("\\s+");
}

/** Every [start, end) where needle occurs in haystack, tolerantly; case-insensitive only if nothing matches exactly. */
export function findAll(haystack, needle) {
  const source = tolerantPattern(needle);
  if (!source) return [];
  for (const flags of ["gu", "giu"]) {
    const found = [...String(haystack).matchAll(new RegExp(source, flags))].map((m) => [m.index, m.index + m[0].length]);
    if (found.length) return found;
  }
  return [];
}

/**
 * Locates the span [start, end) of the original text inside the displayed text.
 * article: { text, original?, passages: [{ start, end, text }] }. Returns { ranges: [[s, e]...], in: "text" | "original" } or null.
 */
export function locatePassage(article, start, end) {
  const text = article.text ?? "";
  if (!(Number.isFinite(start) && Number.isFinite(end) && end > start)) return null;
  const original = typeof article.original === "string" ? article.original : null;
  const wanted = original ? [original.slice(start, end)] : overlappingPassages(article.passages, start, end).map((p) => clip(p, start, end)).filter((piece) => piece.trim());
  const ranges = [];
  for (const piece of wanted) {
    const hits = findAll(text, piece);
    if (hits.length === 0) {
      ranges.length = 0;
      break;
    }
    // Normalization mostly shortens text, so the hit closest to the original offset is the likeliest one.
    hits.sort((x, y) => Math.abs(x[0] - start) - Math.abs(y[0] - start));
    ranges.push(hits[0]);
  }
  if (ranges.length) return { ranges: joinAdjacent(ranges.sort((x, y) => x[0] - y[0]), text), in: "text" };
  if (original && end <= original.length) return { ranges: [[start, end]], in: "original" };
  return null;
}

// A passage's text is its original span, so the part inside [start, end) can be cut out exactly; otherwise (text
// not matching its offsets) the whole passage is the best available stand-in.
function clip(passage, start, end) {
  const text = passage.text ?? "";
  if (text.length !== passage.end - passage.start) return text;
  return text.slice(Math.max(0, start - passage.start), Math.min(text.length, end - passage.start));
}

// Consecutive sentences of one passage are found one by one; with only spacing between them they read as one mark.
function joinAdjacent(ranges, text) {
  const joined = [];
  for (const range of ranges) {
    const last = joined[joined.length - 1];
    if (last && range[0] >= last[1] && /^\s*$/.test(text.slice(last[1], range[0]))) last[1] = Math.max(last[1], range[1]);
    else joined.push([...range]);
  }
  return joined;
}

function overlappingPassages(passages, start, end) {
  return (passages ?? []).filter((p) => Number.isFinite(p.start) && Number.isFinite(p.end) && p.start < end && p.end > start).sort((a, b) => a.start - b.start);
}

/**
 * Splits text into paragraphs with their offsets. softWrap joins single line breaks (hard-wrapped originals) while
 * keeping offsets, since a space replaces each newline one for one.
 */
export function paragraphs(text, { softWrap = false } = {}) {
  const source = String(text ?? "");
  const result = [];
  const separator = softWrap ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  let from = 0;
  for (const match of source.matchAll(separator)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, source.length);
  return result;

  function push(s, e) {
    const body = source.slice(s, e);
    if (body.trim()) result.push({ start: s, end: e, text: softWrap ? body.replace(/\n/g, " ") : body });
  }
}
