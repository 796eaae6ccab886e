// Word-level differences between two versions of a passage: a longest-common-subsequence over words, compared in a
// matching form that ignores case, whitespace and typographic variants of quotes and dashes (’ vs ', — vs -), so
// only real wording changes show. Used when the API does not send a diff for the version being compared.

const tokenPattern = /[\p{L}\p{N}]+(?:['’‘\-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Splits text into tokens { text, key }; each token's text carries the whitespace that follows it. */
export function tokenize(text) {
  const source = String(text ?? "");
  const tokens = [];
  let lead = "";
  let last = 0;
  for (const match of source.matchAll(tokenPattern)) {
    const gap = source.slice(last, match.index);
    if (tokens.length === 0) lead = gap;
    else tokens[tokens.length - 1].text += gap;
    tokens.push({ text: match[0], key: matchingForm(match[0]) });
    last = match.index + match[0].length;
  }
  const tail = source.slice(last);
  if (tokens.length === 0) return lead + tail ? [{ text: lead + tail, key: "" }] : [];
  tokens[tokens.length - 1].text += tail;
  if (lead) tokens[0].text = lead + tokens[0].text;
  return tokens;
}

/** The form two words are compared by. */
export function matchingForm(word) {
  return word
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, "-");
}

// Beyond this many cells the quadratic table is not worth it: the changed middle is shown as replaced whole.
const maxCells = 4_000_000;

/**
 * Diffs reference → version. Returns runs [{ op: "equal" | "insert" | "delete", text }] where equal and insert runs
 * carry the version's text and delete runs the reference's, so concatenating equal+insert gives the version back and
 * equal+delete gives the reference (up to the case and spacing of equal words, taken from the version).
 */
export function diffWords(reference, version) {
  const a = tokenize(reference);
  const b = tokenize(version);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix].key === b[prefix].key) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix].key === b[b.length - 1 - suffix].key
  ) suffix++;

  const ops = [];
  for (let i = 0; i < prefix; i++) ops.push(["equal", b[i].text]);
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  for (const [op, text, index] of diffMiddle(midA, midB)) ops.push([op, text, index === undefined ? undefined : index + prefix]);
  for (let i = b.length - suffix; i < b.length; i++) ops.push(["equal", b[i].text]);
  return mergeRuns(spaceDeletions(ops, a));
}

// Equal words carry the version's spacing; where the version ends a word with no space but the reference goes on,
// the deleted words would run into it ("militarysaid"), so they get the reference's own space back in front.
function spaceDeletions(ops, a) {
  for (let k = 1; k < ops.length; k++) {
    const [op, text, index] = ops[k];
    const [previousOp, before] = ops[k - 1];
    if (op !== "delete" || previousOp === "delete" || !(index > 0) || !before || /\s$/.test(before) || /^\s/.test(text)) continue;
    const gap = /\s+$/.exec(a[index - 1].text)?.[0];
    if (gap) ops[k][1] = gap + text;
  }
  return ops;
}

function diffMiddle(a, b) {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((t) => ["insert", t.text]);
  if (m === 0) return a.map((t, i) => ["delete", t.text, i]);
  if ((n + 1) * (m + 1) > maxCells) {
    return [...a.map((t, i) => ["delete", t.text, i]), ...b.map((t) => ["insert", t.text])];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..], flattened.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i].key === b[j].key
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i].key === b[j].key) {
      ops.push(["equal", b[j].text]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      ops.push(["delete", a[i].text, i]);
      i++;
    } else {
      ops.push(["insert", b[j].text]);
      j++;
    }
  }
  while (i < n) {
    ops.push(["delete", a[i].text, i]);
    i++;
  }
  while (j < m) ops.push(["insert", b[j++].text]);
  return ops;
}

function mergeRuns(ops) {
  const runs = [];
  for (const [op, text] of ops) {
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  }
  return runs;
}

/** Counts words (not punctuation) inserted and deleted by a diff. */
export function diffStats(runs) {
  const stats = { inserted: 0, deleted: 0, equal: 0 };
  for (const run of runs ?? []) {
    const words = (String(run.text).match(/[\p{L}\p{N}]+(?:['’‘\-.][\p{L}\p{N}]+)*/gu) ?? []).length;
    if (run.op === "insert") stats.inserted += words;
    else if (run.op === "delete") stats.deleted += words;
    else stats.equal += words;
  }
  return stats;
}

const openers = new Set(["[", "("]);
const closers = new Set(["]", ")"]);

/**
 * Splits diff runs into segments { op, text, editorial }, where editorial marks text inside square brackets or
 * parentheses ("[Iraq’s]", "(the Iranians)"): words an editor put into a quote, which readers should see as such.
 * Bracket depth follows the version's text (equal and insert runs, in order). Deleted text is only the reference's,
 * and a diff from elsewhere may drop a closing bracket the reference had, so brackets opened in a stretch of
 * deletions count only until that stretch ends; bracket characters themselves are always marked.
 */
export function markEditorial(runs) {
  const segments = [];
  let version = 0;
  let deleted = 0;
  for (const run of runs ?? []) {
    const op = run.op === "insert" || run.op === "delete" ? run.op : "equal";
    if (op !== "delete") deleted = 0;
    let current = null;
    for (const ch of String(run.text)) {
      let editorial;
      if (openers.has(ch)) {
        if (op === "delete") deleted++;
        else version++;
        editorial = true;
      } else if (closers.has(ch)) {
        if (op === "delete") deleted = Math.max(0, deleted - 1);
        else version = Math.max(0, version - 1);
        editorial = true;
      } else {
        editorial = version > 0 || (op === "delete" && deleted > 0);
      }
      if (current && current.editorial === editorial) current.text += ch;
      else {
        current = { op, text: ch, editorial };
        segments.push(current);
      }
    }
  }
  return segments;
}

/**
 * Tightens a diff that came from elsewhere (the API): each stretch of adjacent deletions and insertions is diffed
 * again word by word in matching form, so a swapped ’ for ' or a shared word inside a replaced phrase stops showing
 * as a change. Equal runs are kept as they are.
 */
export function refineRuns(runs) {
  const out = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted && inserted) out.push(...diffWords(deleted, inserted));
    else if (deleted) out.push({ op: "delete", text: deleted });
    else if (inserted) out.push({ op: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  for (const run of runs ?? []) {
    if (run.op === "delete") deleted += run.text;
    else if (run.op === "insert") inserted += run.text;
    else {
      flush();
      out.push({ op: "equal", text: String(run.text ?? "") });
    }
  }
  flush();
  return mergeRuns(out.map((run) => [run.op, run.text]));
}
