// One shared passage: every outlet's version stacked, with word-level differences against a reference version.
import { getJson } from "../api.js";
import { append, h, replace } from "../dom.js";
import { route } from "../route.js";
import { announce, emptyState, errorState, loading, outletName, pageHeading, plural, shortName, timeElement, truncate } from "../ui.js";
import { diffStats, diffWords, markEditorial, refineRuns } from "../worddiff.js";
import { articleTitles } from "../titles.js";
import { clusterOutlets } from "./clusters.js";

export const clusterView = {
  async render(context) {
    const { main, route: target, signal, setTitle, moveFocus } = context;
    const id = target.rest;
    setTitle("Shared passage");
    const body = h("div", { class: "cluster" });
    append(main, h("p", { class: "breadcrumb" }, h("a", { href: "#/clusters" }, "← All shared passages")), body);
    replace(body, loading("the passage"));
    announce("Loading the passage…");

    let cluster;
    try {
      cluster = await getJson(`clusters/${encodeURIComponent(id)}`, {}, { signal });
    } catch (error) {
      if (signal.aborted) return;
      const message = error.status === 404 ? new Error("There is no shared passage with this id. It may have been re-clustered since the link was made.") : error;
      replace(body, errorState(message, error.status === 404 ? null : () => clusterView.render(retryContext(context))));
      return;
    }
    if (signal.aborted) return;

    const members = cluster.members ?? [];
    if (members.length === 0) {
      replace(body, emptyState("This passage has no versions to compare."));
      return;
    }
    const serverReference = Number.isInteger(cluster.reference) && members[cluster.reference] ? cluster.reference : 0;
    const asked = Number.parseInt(target.params.get("ref") ?? "", 10);
    const reference = Number.isInteger(asked) && members[asked] ? asked : serverReference;
    const outlets = clusterOutlets(cluster);
    const heading = pageHeading(
      cluster.kind === "copy" ? `Carried verbatim by ${plural(outlets.length, "outlet")}` : `How ${plural(outlets.length, "outlet")} carried this passage`,
    );
    setTitle(cluster.speaker ? `${cluster.speaker} — ${plural(outlets.length, "outlet")}` : `Shared passage — ${plural(outlets.length, "outlet")}`);

    replace(
      body,
      h(
        "header",
        { class: "page__header" },
        h("p", { class: "kicker" }, cluster.speaker ? ["Quote · ", h("span", { class: "speaker" }, cluster.speaker)] : "Shared passage"),
        heading,
        h("p", { class: "page__lede" }, `Each version below is compared word by word with the ${outletName(members[reference].outlet, members[reference].article)} version.`),
      ),
      legend(),
      h(
        "ol",
        { class: "versions", "aria-label": "Versions of the passage" },
        members.map((member, index) => versionCard(cluster, member, index, reference, serverReference)),
      ),
    );
    announce(`${plural(members.length, "version")} from ${plural(outlets.length, "outlet")}.`);
    if (moveFocus) heading.focus();

    const titles = await articleTitles();
    if (signal.aborted) return;
    for (const slot of body.querySelectorAll(".version__title[data-article]")) {
      const title = titles.get(slot.dataset.article);
      if (title) {
        slot.textContent = truncate(title, 140);
        if (title.length > 140) slot.title = title;
      }
    }
  },
};

function squash(text) {
  return String(text ?? "").replace(/\s+/g, " ").trim();
}

function retryContext(context) {
  replace(context.main);
  return { ...context, moveFocus: true };
}

function legend() {
  return h(
    "div",
    { class: "legend", role: "note", "aria-label": "How differences are marked" },
    h("span", { class: "legend__title" }, "Key"),
    h("span", { class: "legend__item" }, h("ins", { class: "diff-ins" }, "added"), " only in this version"),
    h("span", { class: "legend__item" }, h("del", { class: "diff-del" }, "missing"), " in the reference, not here"),
    h("span", { class: "legend__item" }, h("span", { class: "editorial" }, "[editor’s words]"), " added in brackets"),
  );
}

function versionCard(cluster, member, index, reference, serverReference) {
  const isReference = index === reference;
  const outlet = outletName(member.outlet, member.article);
  const refText = cluster.members[reference].text ?? "";
  const runs = isReference
    ? [{ op: "equal", text: member.text ?? "" }]
    : reference === serverReference && Array.isArray(member.diff) && member.diff.length > 0
      ? refineRuns(member.diff)
      : diffWords(refText, member.text ?? "");
  const stats = diffStats(runs);
  const summary = isReference
    ? "Reference version"
    : stats.inserted === 0 && stats.deleted === 0
      ? runs.some((r) => r.op !== "equal") || squash(member.text) !== squash(refText)
        ? "Same words; punctuation or brackets differ"
        : "Same wording"
      : [stats.inserted ? `${plural(stats.inserted, "word")} added` : null, stats.deleted ? `${plural(stats.deleted, "word")} missing` : null].filter(Boolean).join(" · ");
  const headingId = `version-${index}`;
  const link = route(["article", member.article], { start: member.start, end: member.end, cluster: cluster.id });
  return h(
    "li",
    { class: ["version", isReference && "version--reference"], "aria-labelledby": headingId, dataset: { outlet } },
    h(
      "div",
      { class: "version__header" },
      h(
        "div",
        { class: "version__who" },
        h("h2", { class: "version__outlet", id: headingId }, outlet, member.first === true ? h("span", { class: "version__first" }, "Carried it first") : null),
        h("p", { class: "version__title", dataset: { article: member.article } }),
        member.published ? h("p", { class: "version__published" }, "Published ", timeElement(member.published)) : null,
      ),
      h("span", { class: ["version__summary", isReference && "version__summary--reference", !isReference && runs.some((r) => r.op !== "equal") && "version__summary--changed"] }, summary),
    ),
    h("blockquote", { class: "version__text", cite: link }, renderDiff(runs)),
    h(
      "div",
      { class: "version__footer" },
      h("a", { class: "version__link", href: link }, "Read in context", h("span", { class: "visually-hidden" }, ` — ${outlet}`), h("span", { "aria-hidden": "true" }, " →")),
      shortName(member.article) !== outlet ? h("span", { class: "version__article", title: member.article }, shortName(member.article)) : null,
      isReference
        ? null
        : h("a", { class: "version__compare", href: route(["cluster", String(cluster.id)], { ref: index }) }, "Compare against this version"),
    ),
  );
}

/** Renders diff runs as inline text with <ins>/<del>, and bracketed editorial words marked as such. */
export function renderDiff(runs) {
  const groups = [];
  for (const segment of markEditorial(runs)) {
    const last = groups[groups.length - 1];
    if (last && last.op === segment.op) last.segments.push(segment);
    else groups.push({ op: segment.op, segments: [segment] });
  }
  return groups.map(({ op, segments }) => {
    const render = (list) => list.map((s) => (s.editorial ? h("span", { class: "editorial" }, s.text) : s.text));
    if (op === "equal") return render(segments);
    // Trailing spaces stay outside the mark, so underlines and strikes end with the words.
    const last = segments[segments.length - 1];
    const space = /\s+$/.exec(last.text)?.[0] ?? "";
    const trimmed = space ? [...segments.slice(0, -1), { ...last, text: last.text.slice(0, -space.length) }].filter((s) => s.text) : segments;
    const content = render(trimmed);
    const mark = op === "insert"
      ? h("ins", { class: "diff-ins" }, hidden("[added: "), content, hidden("]"))
      : h("del", { class: "diff-del" }, hidden("[missing: "), content, hidden("]"));
    return space ? [mark, space] : mark;
  });
}

function hidden(text) {
  return h("span", { class: "visually-hidden" }, text);
}
