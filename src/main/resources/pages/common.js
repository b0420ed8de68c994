// Shared by the claim page and the portal: where the API is, how to call it, and how to show things as text.
// Every piece of user data (names, e-mails) goes into the page through textContent, never as HTML.
"use strict";

const Seatkeeper = (() => {
  // The pages live at {base}/{slug}/portal and {base}/{slug}/portal/claim; the API at {base}/v1/...
  const match = window.location.pathname.match(/^(.*)\/([^/]+)\/portal(\/claim)?\/?$/);
  const base = match ? match[1] : "";
  const slug = match ? decodeURIComponent(match[2]) : "";
  const SESSION_KEY = "seatkeeper.session." + slug;

  /** An answer of the API that is not a success: its status and body (JSON, or null). */
  class ApiError extends Error {
    constructor(status, body) {
      super(describe(status, body));
      this.status = status;
      this.body = body;
    }
  }

  /** The API's own words for a refusal: its detail, or the first validation message. */
  function describe(status, body) {
    if (body && typeof body.detail === "string") return body.detail;
    if (body && Array.isArray(body.detail) && body.detail.length && body.detail[0].msg) return body.detail[0].msg;
    if (status === 0) return "The service could not be reached. Check your connection and try again.";
    return "Something went wrong on our side (" + status + "). Please try again in a moment.";
  }

  /** Calls the API; resolves with the JSON body of a 2xx, rejects with an ApiError otherwise. */
  async function api(method, path, { token, body } = {}) {
    const headers = { Accept: "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(base + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
      });
    } catch (e) {
      throw new ApiError(0, null);
    }
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  }

  /** Takes a query parameter out of the address bar (history.replaceState) and returns its value, or null. */
  function takeFromAddress(name) {
    const url = new URL(window.location.href);
    const value = url.searchParams.get(name);
    if (value !== null) {
      url.searchParams.delete(name);
      window.history.replaceState(null, "", url.pathname + (url.search === "?" ? "" : url.search) + url.hash);
    }
    return value;
  }

  /** Shows a text in an element and makes it visible; an empty text hides it. */
  function show(id, text) {
    const element = document.getElementById(id);
    element.textContent = text || "";
    element.hidden = !text;
  }

  /** A new element with the given text content (never parsed as HTML) and attributes. */
  function element(tag, text, attributes = {}) {
    const made = document.createElement(tag);
    if (text !== undefined && text !== null) made.textContent = String(text);
    for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
    return made;
  }

  /** A UTC timestamp as a short local date and time, or an empty string. */
  function when(timestamp) {
    if (!timestamp) return "";
    const date = new Date(timestamp);
    return isNaN(date) ? "" : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  }

  return {
    base, slug, api, ApiError, takeFromAddress, show, element, when,
    portalUrl: () => base + "/" + encodeURIComponent(slug) + "/portal",
    saveSession: (token) => window.sessionStorage.setItem(SESSION_KEY, token),
    loadSession: () => window.sessionStorage.getItem(SESSION_KEY),
    forgetSession: () => window.sessionStorage.removeItem(SESSION_KEY),
  };
})();
