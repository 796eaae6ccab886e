// Talks to the pipeline's JSON API, wherever the page is served from.

/**
 * The API root for a page location. Under the Functions host the viewer lives at ".../api/viewer/", so the API is
 * the ".../api/" above it; served standalone at "/", the API is "api/" next to the page.
 */
export function apiBase(location = window.location) {
  const path = location.pathname;
  const hosted = /^(.*\/api\/)viewer(\/|$)/.exec(path);
  if (hosted) return hosted[1];
  return path.slice(0, path.lastIndexOf("/") + 1) + "api/";
}

/** A failed API call, with a message fit to show a reader. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

const timeoutMs = 20000;

/**
 * GETs JSON from the API. path is relative to the API root and already encoded; params with empty values are left
 * out. A function key given to the page (?code=...) is passed on in the x-functions-key header, which Azure
 * Functions accepts like ?code= and which cannot collide with the API's own strictly checked query parameters.
 */
export async function getJson(path, params = {}, { signal } = {}) {
  const url = new URL(apiBase() + path, window.location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, String(value));
  }
  const headers = { Accept: "application/json" };
  const code = new URLSearchParams(window.location.search).get("code");
  if (code) headers["x-functions-key"] = code;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("timeout", "TimeoutError")), timeoutMs);
  const abort = () => controller.abort(signal.reason);
  signal?.addEventListener("abort", abort, { once: true });
  let response;
  try {
    response = await fetch(url, { headers, signal: controller.signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (controller.signal.aborted) throw new ApiError(`The API did not answer within ${timeoutMs / 1000} seconds.`, 0);
    throw new ApiError("Could not reach the API. Is the pipeline running?", 0);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
  if (!response.ok) throw new ApiError(await describeFailure(response), response.status);
  try {
    return await response.json();
  } catch {
    throw new ApiError("The API answered with something that is not JSON.", response.status);
  }
}

async function describeFailure(response) {
  let detail = "";
  try {
    const text = await response.text();
    try {
      const body = JSON.parse(text);
      detail = body.detail || body.title || body.error || body.message || "";
    } catch {
      detail = text.length < 200 ? text : "";
    }
  } catch {
    // The status line alone still says what went wrong.
  }
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  return detail ? `The API answered ${status}: ${detail}` : `The API answered ${status}.`;
}
