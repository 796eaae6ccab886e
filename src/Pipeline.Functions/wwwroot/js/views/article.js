// One article in full, with a passage (from a cluster or alignment link) highlighted and scrolled into view.
import { getJson } from "../api.js";
import { append, h, replace } from "../dom.js";
import { encodePath, route } from "../route.js";
import { announce, errorState, loading, outletName, pageHeading, plural, shortName, statusBadge, timeElement, truncate } from "../ui.js";
import { locatePassage, paragraphs } from "../locate.js";

export const articleView = {
  async render(context) {
    const { main, route: target, signal, setTitle, moveFocus } = context;
    const name = target.rest;
    const start = Number.parseInt(target.params.get("start") ?? "", 10);
    const end = Number.parseInt(target.params.get("end") ?? "", 10);
    const clusterId = target.params.get("cluster");
    setTitle(shortName(name) || "Article");
    const back = clusterId
      ? h("a", { href: route(["cluster", clusterId]) }, "← Back to the shared passage")
      : h("a", { href: "#/articles" }, "← All articles");
    const body = h("div", { class: "article" });
    append(main, h("p", { class: "breadcrumb" }, back), body);
    replace(body, loading("the article"));
    announce("Loading the article…");

    let article;
    try {
      article = await getJson(`articles/${encodePath(name)}`, {}, { signal });
    } catch (error) {
      if (signal.aborted) return;
      const shown = error.status === 404 ? new Error(`There is no article named “${name}”.`) : error;
      replace(body, errorState(shown, error.status === 404 ? null : () => { replace(main); articleView.render({ ...context, moveFocus: true }); }));
      return;
    }
    if (signal.aborted) return;

    const outlet = outletName(article.outlet, article.article ?? name);
    const title = truncate(article.title?.trim() || shortName(name), 200);
    setTitle(`${title} — ${outlet}`);
    const heading = pageHeading(title, { class: "page__title article__title" });
    const problem = article.status === "rejected" || article.status === "failed";
    const wantsHighlight = Number.isFinite(start) && Number.isFinite(end);
    const located = wantsHighlight ? locatePassage(article, start, end) : null;
    const shownText = located?.in === "original" ? article.original : article.text ?? "";

    replace(
      body,
      h(
        "header",
        { class: "page__header article__header" },
        h("p", { class: "kicker kicker--outlet" }, outlet),
        heading,
        h(
          "p",
          { class: "article__meta" },
          statusBadge(article.status),
          Array.isArray(article.passages) ? h("span", {}, plural(article.passages.length, "passage")) : null,
          article.published ? h("span", { class: "article__published" }, "Published ", timeElement(article.published)) : null,
          article.updated ? h("span", {}, "Updated ", timeElement(article.updated)) : null,
          safeUrl(article.url) ? h("a", { class: "article__original", href: safeUrl(article.url), rel: "noopener noreferrer", target: "_blank" }, "Original ↗") : null,
          h("span", { class: "article__name", title: "Article name" }, article.article ?? name),
        ),
      ),
      article.warning ? h("p", { class: "notice", role: "status" }, h("strong", {}, "Note: "), article.warning) : null,
      problem
        ? h("div", { class: "notice notice--error", role: "alert" }, h("strong", {}, article.status === "rejected" ? "Rejected: " : "Failed: "), article.error || "no reason was recorded.")
        : null,
      article.duplicateOf
        ? h("p", { class: "notice" }, "This article has the same text as ", h("a", { href: route(["article", article.duplicateOf]) }, article.duplicateOf), ".")
        : null,
      wantsHighlight && !located
        ? h("div", { class: "notice", role: "status" }, "The linked passage could not be located in this article’s text; it may have changed since the link was made.")
        : null,
      wantsHighlight && located?.in === "original"
        ? h("p", { class: "notice" }, "Shown as originally published, so the passage can be marked exactly.")
        : null,
      shownText.trim()
        ? h("div", { class: "article__body" }, renderText(shownText, located?.ranges ?? [], { softWrap: located?.in === "original", boilerplate: boilerplateOf(article) }))
        : h("p", { class: "state state--empty" }, "This article has no readable text."),
    );

    const shared = h("section", { class: "shared", "aria-labelledby": "shared-heading" });
    append(body, shared);
    showShared(shared, article.article ?? name, signal);

    const mark = body.querySelector("mark.passage-highlight");
    if (mark) {
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
      announce(`${title}, ${outlet}. The passage is highlighted.`);
    } else {
      announce(`${title}, ${outlet}.`);
      if (moveFocus) heading.focus();
    }
  },
};

/** Lists the clusters this article belongs to, each linking to the comparison and to the passage in this text. */
async function showShared(section, name, signal) {
  let body;
  try {
    body = await getJson("clusters", { article: name }, { signal });
  } catch (error) {
    if (signal.aborted) return;
    replace(section, h("h2", { id: "shared-heading", class: "shared__title" }, "Shared with other outlets"), h("p", { class: "notice" }, `Could not load the shared passages: ${error.message}`));
    return;
  }
  if (signal.aborted) return;
  const items = body.items ?? [];
  if (items.length === 0) {
    replace(section, h("h2", { id: "shared-heading", class: "shared__title" }, "Shared with other outlets"), h("p", { class: "shared__none" }, "No passage of this article was found in another outlet’s coverage."));
    return;
  }
  replace(
    section,
    h("h2", { id: "shared-heading", class: "shared__title" }, `Shared with other outlets (${items.length})`),
    h(
      "ul",
      { class: "shared__list" },
      items.map((cluster) => {
        const own = (cluster.members ?? []).find((m) => m.article === name) ?? cluster.members?.[0];
        const others = (cluster.members ?? []).filter((m) => m.article !== name).map((m) => outletName(m.outlet, m.article));
        return h(
          "li",
          { class: "shared__item" },
          h("p", { class: "shared__text" }, `“${truncate(own?.text ?? "", 160).replace(/^[“"]+|[”"]+$/g, "")}”`),
          h(
            "p",
            { class: "shared__links" },
            h("a", { href: route(["cluster", String(cluster.id)]) }, "Compare ", plural(new Set(others).size + 1, "outlet")),
            own ? h("a", { href: route(["article", name], { start: own.start, end: own.end, cluster: cluster.id }) }, "Highlight it here") : null,
            others.length ? h("span", { class: "shared__others" }, `Also in ${[...new Set(others)].join(", ")}`) : null,
          ),
        );
      }),
    ),
  );
}

/**
 * Paragraph elements for text, with the given [start, end) ranges wrapped in <mark> (the first mark is focusable). A
 * paragraph that is mostly boilerplate is greyed whole; boilerplate that is only part of one (a share line glued to an
 * embedded tweet) is greyed where it stands.
 */
function renderText(text, ranges, options) {
  let first = true;
  return paragraphs(text, options).map((para) => {
    const furniture = boilerplateReason(para.text, options.boilerplate ?? []);
    const spans = ranges
      .map(([s, e]) => ({ from: Math.max(s, para.start), to: Math.min(e, para.end), kind: "mark" }))
      .filter((r) => r.from < r.to);
    if (!furniture) {
      for (const inline of inlineBoilerplate(para, options.boilerplate ?? [])) {
        if (!spans.some((r) => r.from < inline.to && inline.from < r.to)) spans.push(inline);
      }
      spans.sort((a, b) => a.from - b.from);
    }
    const pieces = [];
    let at = para.start;
    for (const span of spans) {
      if (span.from < at) continue;
      if (span.from > at) pieces.push(para.text.slice(at - para.start, span.from - para.start));
      const inner = para.text.slice(span.from - para.start, span.to - para.start);
      if (span.kind === "mark") {
        pieces.push(
          h(
            "mark",
            { class: "passage-highlight", tabindex: first ? "-1" : null, id: first ? "passage" : null },
            first ? h("span", { class: "visually-hidden" }, "Linked passage: ") : null,
            inner,
          ),
        );
        first = false;
      } else {
        pieces.push(
          h("span", { class: "boilerplate-inline", title: span.reason, dataset: { boilerplate: span.reason } }, h("span", { class: "visually-hidden" }, `Left out of comparison (${span.reason}): `), inner),
        );
      }
      at = span.to;
    }
    if (at < para.end) pieces.push(para.text.slice(at - para.start));
    return furniture
      ? h("p", { class: "boilerplate", title: furniture, dataset: { boilerplate: furniture } }, h("span", { class: "visually-hidden" }, `Left out of comparison (${furniture}): `), pieces)
      : h("p", {}, pieces);
  });
}

/** Where boilerplate passages stand inside a paragraph (absolute offsets), matched by their words whatever the spacing. */
function inlineBoilerplate(para, boilerplate) {
  const found = [];
  for (const b of boilerplate) {
    const words = b.text.split(" ").filter(Boolean);
    if (words.length === 0) continue;
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"));
    const match = pattern.exec(para.text);
    if (match) found.push({ from: para.start + match.index, to: para.start + match.index + match[0].length, kind: "boilerplate", reason: b.reason });
  }
  return found;
}

const BOILERPLATE_REASONS = {
  signal: "page furniture: a newsletter or subscription prompt, rights notice, photo credit, share bar or 'read more' link",
  outlet: "this outlet's boilerplate: it recurs in its articles about other stories",
};

/** The article's boilerplate passages as whitespace-folded texts with the reason a reader is shown. */
function boilerplateOf(article) {
  return (article.passages ?? [])
    .filter((p) => p.boilerplate)
    .map((p) => ({ text: fold(p.text ?? ""), reason: BOILERPLATE_REASONS[p.boilerplate] ?? p.boilerplate }))
    .filter((p) => p.text.length > 0);
}

/** Why a paragraph is greyed: a boilerplate passage makes up most of it. */
function boilerplateReason(paragraph, boilerplate) {
  const text = fold(paragraph);
  if (!text) return null;
  let covered = 0;
  let reason = null;
  for (const b of boilerplate) {
    if (text.includes(b.text)) {
      covered += b.text.length;
      reason ??= b.reason;
    } else if (b.text.includes(text)) {
      return b.reason;
    }
  }
  return covered * 2 >= text.length ? reason : null;
}

function fold(text) {
  return text.replace(/\s+/g, " ").trim();
}

/** Only http(s) links reach the page: the API checks this too, but the viewer must not trust stored data. */
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
