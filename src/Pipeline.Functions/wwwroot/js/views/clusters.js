// Shared passages (clusters), most widely carried first, with a search that keeps focus in the search box.
import { getJson } from "../api.js";
import { append, h, replace } from "../dom.js";
import { route } from "../route.js";
import { announce, emptyState, errorState, loading, outletName, pageHeading, plural, truncate } from "../ui.js";

let state = null; // { form, input, min, results, controller, signal }

/** Distinct outlets of a cluster, in member order. */
export function clusterOutlets(cluster) {
  const seen = new Map();
  for (const member of cluster.members ?? []) {
    const name = outletName(member.outlet, member.article);
    if (!seen.has(name)) seen.set(name, true);
  }
  return [...seen.keys()];
}

function articleCount(cluster) {
  if (typeof cluster.articles === "number") return cluster.articles;
  if (Array.isArray(cluster.articles)) return cluster.articles.length;
  return new Set((cluster.members ?? []).map((m) => m.article)).size;
}

export const clustersView = {
  async render({ main, route: target, signal, setTitle, moveFocus }) {
    setTitle("Shared passages");
    const heading = pageHeading("Shared passages");
    const input = h("input", {
      id: "cluster-search",
      type: "search",
      name: "q",
      class: "search__input",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "A word or phrase, e.g. deconflict",
      "aria-describedby": "cluster-search-hint",
    });
    const min = h(
      "select",
      { id: "cluster-min", name: "minArticles", class: "search__select" },
      h("option", { value: "" }, "Any number"),
      h("option", { value: "2" }, "2 or more"),
      h("option", { value: "3" }, "3 or more"),
      h("option", { value: "4" }, "4 or more"),
    );
    const form = h(
      "form",
      { class: "search", role: "search", "aria-label": "Shared passages", on: { submit: onSubmit } },
      h("div", { class: "search__field" }, h("label", { for: "cluster-search", class: "search__label" }, "Search passages"), input),
      h("div", { class: "search__field search__field--narrow" }, h("label", { for: "cluster-min", class: "search__label" }, "Articles carrying it"), min),
      h("button", { type: "submit", class: "button button--primary search__button" }, "Search"),
      h("p", { id: "cluster-search-hint", class: "search__hint" }, "Finds passages by their words or by who is quoted."),
    );
    const results = h("section", { class: "results", "aria-labelledby": "results-heading", "aria-busy": "false" });
    append(
      main,
      h("header", { class: "page__header" }, heading, h("p", { class: "page__lede" }, "Quotes and paragraphs that several outlets carried, the most widely carried first. Open one to see each outlet’s wording side by side.")),
      form,
      results,
    );
    state = { form, input, min, results, controller: null, signal };
    signal.addEventListener("abort", () => state?.controller?.abort(), { once: true });
    if (moveFocus) heading.focus();
    await load(target);
  },

  update(target) {
    if (!state || state.signal.aborted) return false;
    load(target);
    return true;
  },
};

function onSubmit(event) {
  event.preventDefault();
  const q = state.input.value.trim();
  const hash = route(["clusters"], { q, minArticles: state.min.value });
  if (window.location.hash === hash) load({ params: new URLSearchParams({ q, minArticles: state.min.value }) });
  else window.location.hash = hash;
}

async function load(target) {
  const q = target.params.get("q") ?? "";
  const minArticles = target.params.get("minArticles") ?? "";
  if (document.activeElement !== state.input) state.input.value = q;
  state.min.value = [...state.min.options].some((o) => o.value === minArticles) ? minArticles : "";

  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  const { results } = state;
  results.setAttribute("aria-busy", "true");
  replace(results, loading("shared passages"));
  announce(q ? `Searching for “${q}”…` : "Loading shared passages…");
  try {
    const body = await getJson("clusters", { q, minArticles }, { signal: controller.signal });
    if (controller.signal.aborted) return;
    const items = [...(body.items ?? [])]
      .map((cluster, order) => ({ cluster, order, outlets: clusterOutlets(cluster), articles: articleCount(cluster) }))
      .sort((x, y) => y.outlets.length - x.outlets.length || y.articles - x.articles || x.order - y.order);
    showResults(items, q);
  } catch (error) {
    if (controller.signal.aborted) return;
    replace(results, errorState(error, () => load(target)));
  } finally {
    if (state?.controller === controller) results.setAttribute("aria-busy", "false");
  }
}

function showResults(items, q) {
  const { results } = state;
  const title = q ? `${plural(items.length, "passage")} matching “${q}”` : `${plural(items.length, "shared passage")}`;
  announce(title);
  const heading = h("h2", { id: "results-heading", class: "results__title" }, title);
  if (items.length === 0) {
    replace(
      results,
      heading,
      q
        ? emptyState("No shared passage matches that search.", "Try a single distinctive word, or a speaker’s surname.")
        : emptyState("No shared passages yet.", "Passages appear here once two or more outlets’ articles have been aligned."),
    );
    return;
  }
  replace(results, heading, h("ol", { class: "cluster-list" }, items.map((item) => clusterCard(item, q))));
}

function clusterCard({ cluster, outlets, articles }, q) {
  const members = cluster.members ?? [];
  const sample = members.reduce((best, m) => ((m.text ?? "").length > (best?.text ?? "").length ? m : best), members[0]);
  const snippet = truncate(sample?.text ?? "(no text)", 240);
  const label = articles !== outlets.length ? `${plural(outlets.length, "outlet")}, ${plural(articles, "article")}` : plural(outlets.length, "outlet");
  return h(
    "li",
    { class: "cluster-card" },
    h(
      "p",
      { class: "cluster-card__meta" },
      h("span", { class: "count" }, h("span", { class: "count__number" }, outlets.length), outlets.length === 1 ? "outlet" : "outlets"),
      articles !== outlets.length ? h("span", { class: "cluster-card__articles" }, plural(articles, "article")) : null,
      cluster.speaker ? h("span", { class: "speaker" }, h("span", { class: "visually-hidden" }, "Speaker: "), cluster.speaker) : null,
      cluster.kind === "copy" ? h("span", { class: "cluster-card__copy" }, `Carried verbatim by ${plural(outlets.length, "outlet")}`) : null,
    ),
    h(
      "h3",
      { class: "cluster-card__title" },
      h("a", { class: "cluster-link", href: route(["cluster", String(cluster.id)]), "aria-label": `${snippet} — ${label}` }, highlightQuery(snippet, q)),
    ),
    h("p", { class: "cluster-card__outlets" }, h("span", { class: "visually-hidden" }, "Carried by: "), outlets.join(" · ")),
  );
}

function highlightQuery(text, q) {
  if (!q) return text;
  const escaped = q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const parts = text.split(new RegExp(`(${escaped})`, "giu"));
  return parts.map((part, i) => (i % 2 === 1 ? h("mark", { class: "query-match" }, part) : part));
}
