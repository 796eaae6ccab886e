// Hash routes: "#/<segment>/<segment>?key=value". Each segment is percent-encoded on its own, so names may contain
// "/", "?", "#", spaces or any Unicode character and still round-trip.

/** Encodes a path that may contain "/" (kept as separators) for use in a URL or a hash route. */
export function encodePath(path) {
  return String(path).split("/").map(encodeURIComponent).join("/");
}

/** Builds a hash route, e.g. route(["article", "a/b c"], { start: 1 }) → "#/article/a/b%20c?start=1". */
export function route(segments, params = {}) {
  const path = segments.map((s) => encodePath(s)).join("/");
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  }
  const qs = query.toString();
  return `#/${path}${qs ? `?${qs}` : ""}`;
}

/** Parses a location hash into { view, rest (decoded path after the view), params (URLSearchParams) }. */
export function parseRoute(hash) {
  const raw = (hash ?? "").replace(/^#/, "");
  const q = raw.indexOf("?");
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : "");
  const segments = pathPart.split("/").filter((s, i) => !(i === 0 && s === ""));
  const decoded = segments.map(safeDecode);
  return { view: decoded[0] ?? "", rest: decoded.slice(1).join("/"), params };
}

function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
