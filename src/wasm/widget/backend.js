// The widget's requests to the page's backend ("Test connection" and discovery): a JSON
// POST in the widget's language, given up after `timeoutMs`. Resolves to the answer's JSON
// object, or to "timeout" (too slow) or "unreachable" (no answer, an answer that is not a
// JSON object, or with `okOnly` one that is not 2xx); it never rejects.
export async function postJson(url, body, locale, timeoutMs, okOnly) {
  const full = url + (url.includes("?") ? "&" : "?") + "locale=" + encodeURIComponent(locale);
  try {
    const response = await fetch(full, {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (okOnly && !response.ok) return "unreachable";
    const value = await response.json();
    return value !== null && typeof value === "object" ? value : "unreachable";
  } catch (e) {
    return e?.name === "TimeoutError" || e?.name === "AbortError" ? "timeout" : "unreachable";
  }
}
