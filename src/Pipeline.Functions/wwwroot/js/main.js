// Boots the viewer: hash routing between the views, focus handling after navigation, and the API health line.
import { getJson } from "./api.js";
import { replace } from "./dom.js";
import { parseRoute } from "./route.js";
import { announce } from "./ui.js";
import { articlesView } from "./views/articles.js";
import { articleView } from "./views/article.js";
import { clustersView } from "./views/clusters.js";
import { clusterView } from "./views/cluster.js";
import { notFoundView } from "./views/notfound.js";

const views = {
  clusters: clustersView,
  cluster: clusterView,
  articles: articlesView,
  article: articleView,
};

const main = document.getElementById("main");
let current = null; // { name, view, controller }
let firstRender = true;

function navigate() {
  const target = parseRoute(window.location.hash);
  if (target.view === "") {
    window.location.replace("#/clusters");
    return;
  }
  const name = views[target.view] ? target.view : "notfound";
  const view = views[target.view] ?? notFoundView;

  markNav(name === "cluster" ? "clusters" : name === "article" ? "articles" : name);

  // Some views refresh part of themselves (a new search) and keep the reader's focus where it is.
  if (current && current.name === name && typeof current.view.update === "function" && current.view.update(target)) return;

  current?.controller.abort();
  const controller = new AbortController();
  current = { name, view, controller };
  const context = {
    main,
    route: target,
    signal: controller.signal,
    setTitle: (title) => (document.title = title ? `${title} · Coverage compare` : "Coverage compare"),
    moveFocus: !firstRender,
  };
  firstRender = false;
  replace(main);
  view.render(context).catch((error) => {
    if (controller.signal.aborted) return;
    // Views show their own errors; anything reaching here is a defect, still shown rather than swallowed.
    console.error(error);
    announce("The page failed to render.");
  });
}

function markNav(name) {
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

async function showHealth() {
  const line = document.getElementById("health");
  if (!line) return;
  try {
    const health = await getJson("health");
    const ok = !health?.status || health.status === "ok";
    line.textContent = ok ? "API connected." : `API reachable, but storage is ${health.status}.`;
    line.className = ok ? "health health--ok" : "health health--down";
  } catch (error) {
    line.textContent = `API not reachable: ${error.message}`;
    line.className = "health health--down";
  }
}

window.addEventListener("hashchange", navigate);
navigate();
showHealth();
