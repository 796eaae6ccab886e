// Every article the pipeline has seen, with its outlet and status; rejected and failed ones say why.
import { getJson } from "../api.js";
import { append, h, replace } from "../dom.js";
import { route } from "../route.js";
import { announce, emptyState, errorState, loading, outletName, pageHeading, plural, shortName, statusBadge, timeElement, truncate } from "../ui.js";

const pageSize = 50;

export const articlesView = {
  async render({ main, signal, setTitle, moveFocus }) {
    setTitle("Articles");
    const heading = pageHeading("Articles");
    const list = h("ol", { class: "article-list" });
    const more = h("div", { class: "more" });
    const results = h("section", { class: "results", "aria-labelledby": "articles-count" });
    const count = h("h2", { id: "articles-count", class: "results__title" }, "");
    append(
      main,
      h("header", { class: "page__header" }, heading, h("p", { class: "page__lede" }, "Every article dropped into the pipeline, with the outlet it came from and how far it got.")),
      results,
    );
    if (moveFocus) heading.focus();

    let shown = 0;
    const tally = { rejected: 0, failed: 0 };
    async function loadPage(token) {
      replace(more, loading(token ? "more articles" : "articles"));
      announce("Loading articles…");
      let body;
      try {
        body = await getJson("articles", { top: pageSize, continuationToken: token }, { signal });
      } catch (error) {
        if (signal.aborted) return;
        if (!token) replace(results, errorState(error, () => { replace(results); loadPage(null); }));
        else replace(more, errorState(error, () => loadPage(token)));
        return;
      }
      if (signal.aborted) return;
      const items = body.items ?? [];
      if (!token && items.length === 0) {
        replace(results, emptyState("No articles yet.", "Drop article files into the articles container (or run ./run.sh, which loads the seeds) and they appear here."));
        announce("No articles yet.");
        return;
      }
      if (!token) replace(results, count, list, more);
      for (const item of items) {
        if (item.status === "rejected") tally.rejected++;
        if (item.status === "failed") tally.failed++;
      }
      append(list, items.map(articleItem));
      shown += items.length;
      const problems = [tally.rejected && `${tally.rejected} rejected`, tally.failed && `${tally.failed} failed`].filter(Boolean).join(", ");
      count.textContent = `${plural(shown, "article")}${body.continuationToken ? " so far" : ""}${problems ? ` (${problems})` : ""}`;
      announce(count.textContent);
      if (body.continuationToken) {
        replace(more, h("button", { type: "button", class: "button", on: { click: () => loadPage(body.continuationToken) } }, "Show more articles"));
      } else {
        replace(more);
      }
    }
    await loadPage(null);
  },
};

function articleItem(item) {
  const outlet = outletName(item.outlet, item.article);
  const problem = item.status === "rejected" || item.status === "failed";
  const title = truncate(item.title?.trim() || shortName(item.article), 200);
  return h(
    "li",
    { class: ["article-item", problem && "article-item--problem", `article-item--${item.status ?? "unknown"}`] },
    h("p", { class: "article-item__outlet" }, outlet),
    h("h3", { class: "article-item__title" }, h("a", { href: route(["article", item.article]) }, title)),
    h(
      "p",
      { class: "article-item__meta" },
      statusBadge(item.status),
      typeof item.passages === "number" ? h("span", {}, plural(item.passages, "passage")) : null,
      typeof item.alignments === "number" ? h("span", {}, plural(item.alignments, "alignment")) : null,
      item.updated ? h("span", {}, "Updated ", timeElement(item.updated)) : null,
    ),
    problem
      ? h("p", { class: "article-item__error" }, h("strong", {}, item.status === "rejected" ? "Why it was rejected: " : "Why it failed: "), item.error || "no reason was recorded.")
      : null,
    item.duplicateOf
      ? h("p", { class: "article-item__duplicate" }, "Same text as ", h("a", { href: route(["article", item.duplicateOf]) }, item.duplicateOf), ".")
      : null,
    item.article !== outlet ? h("p", { class: "article-item__name" }, item.article) : null,
  );
}
