// Article titles by name, for pages that only know article names (cluster members). Fetched once per page load,
// best effort: a page renders without titles and fills them in when they arrive.
import { getJson } from "./api.js";

let pending = null;

/** Resolves to a Map of article name → title (empty if the API cannot say). */
export function articleTitles() {
  pending ??= load().catch(() => {
    pending = null;
    return new Map();
  });
  return pending;
}

async function load() {
  const titles = new Map();
  let token = null;
  // A few pages cover any realistic comparison; stop there rather than walk a huge store.
  for (let page = 0; page < 5; page++) {
    const body = await getJson("articles", { top: 200, continuationToken: token });
    for (const item of body.items ?? []) if (item.title) titles.set(item.article, item.title);
    token = body.continuationToken;
    if (!token) break;
  }
  return titles;
}
