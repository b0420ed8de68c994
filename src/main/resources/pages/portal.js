// The customer portal: the session comes from the address (customer_portal_url) or from the claim page, and leaves
// the address bar at once. Billing roles see each subscription and order with its seats and how full its pool is
// (with a message once the pool reaches one of the organization's capacity alerts, from
// GET /v1/customer-portal/seats/capacity), and assign, resend and revoke, see how long each seat has been idle, and
// open a seat's history (when, what, by whom); a plain member sees the seats it holds, and a banner while one of
// them is due to be reclaimed for inactivity. The "keep my seat" link of an inactivity warning opens this page with
// keep_seat={seat id}: the page reports the holder's activity, which clears the pending reclaim. Every action is a call of the public API, whose refusals are shown
// in its own words.
"use strict";

(() => {
  const { api, show, element, when, takeFromAddress, saveSession, loadSession, forgetSession } = Seatkeeper;
  const ENDED = "Your session has ended. Open the portal link again, or ask for a new one.";
  const ROLES = { owner: "owner", billing_manager: "billing manager", member: "member" };
  // A history entry's action in words; an action not listed shows as its name.
  const ACTIONS = {
    assigned: "assigned",
    claimed: "claimed",
    resent: "invitation sent again",
    revoked: "revoked",
    transferred_out: "transferred to someone else",
    transferred_in: "transferred here",
    revocation_scheduled: "revocation scheduled",
    revocation_canceled: "scheduled revocation canceled",
    reclaim_warned: "holder warned of a reclaim",
    expires_set: "expiry set",
    email_changed: "e-mail changed",
  };

  let token = takeFromAddress("customer_session_token");
  if (token) {
    saveSession(token);
  } else {
    token = loadSession();
  }
  const keepSeat = takeFromAddress("keep_seat");
  let pendingRevoke = null;

  /** The session is over: nothing of what it showed stays on the page. */
  function ended() {
    forgetSession();
    token = null;
    document.getElementById("purchases").replaceChildren();
    document.getElementById("reclaims").replaceChildren();
    document.getElementById("held").hidden = true;
    show("status", "");
    show("who", "");
    show("notice", "");
    show("problem", ENDED);
  }

  async function call(method, path, body) {
    if (!token) throw new Seatkeeper.ApiError(401, null);
    try {
      return await api(method, path, { token, body });
    } catch (error) {
      if (error.status === 401) ended();
      throw error;
    }
  }

  function report(error) {
    if (error.status !== 401) {
      show("notice", "");
      show("problem", error.message);
    }
  }

  function notice(text) {
    show("problem", "");
    show("notice", text);
  }

  async function load() {
    if (!token) {
      show("status", "");
      show("problem", "There is no portal session here. Open the portal link you were given, or claim your seat "
        + "from the invitation e-mail.");
      return;
    }
    try {
      const user = await call("GET", "/v1/customer-portal/customer-session/user");
      const managesBilling = user.type === "customer" || user.role === "owner" || user.role === "billing_manager";
      show("who", "Signed in as " + user.email + (user.role ? " (" + (ROLES[user.role] || user.role) + ")" : ""));
      if (keepSeat) await keep(keepSeat);
      if (managesBilling) {
        await loadPurchases();
      } else {
        await loadHeld(user);
      }
      show("status", "");
    } catch (error) {
      show("status", "");
      report(error);
    }
  }

  /** Reports the holder's activity on the seat: a pending reclaim is withdrawn. */
  async function keep(seatId) {
    try {
      await call("POST", "/v1/customer-portal/seats/" + encodeURIComponent(seatId) + "/activity");
      notice("Your seat is kept: it will not be reclaimed.");
    } catch (error) {
      if (error.status === 401) throw error;
      report(error);
    }
  }

  async function loadPurchases() {
    const [subscriptions, orders, pools] = await Promise.all([
      call("GET", "/v1/customer-portal/subscriptions/?limit=100"),
      call("GET", "/v1/customer-portal/orders/?limit=100"),
      capacities(),
    ]);
    const container = document.getElementById("purchases");
    container.replaceChildren();
    const purchases = [
      ...subscriptions.items.map((item) => ({ kind: "subscription", item })),
      ...orders.items.map((item) => ({ kind: "order", item })),
    ];
    for (const { kind, item } of purchases) {
      const section = element("section", null, { class: "purchase", "data-id": item.id });
      container.append(section);
      await render(section, kind, item, pools);
    }
    if (!container.children.length) {
      container.append(element("p", "There are no seats to manage yet.", { class: "status" }));
    }
  }

  /** How full each pool of the customer is, by subscription or order id; empty when it cannot be read. */
  async function capacities() {
    const pools = new Map();
    try {
      const reply = await call("GET", "/v1/customer-portal/seats/capacity");
      for (const pool of reply.items) pools.set(pool.subscription_id || pool.order_id, pool);
    } catch (error) {
      if (error.status === 401) throw error;
    }
    return pools;
  }

  /**
   * Draws one subscription or order with its seats and how full its pool is; one that holds no seats is left out.
   * pools: the capacities read with the page; after a change they are read again.
   */
  async function render(section, kind, purchase, pools) {
    let list;
    try {
      [list, pools] = await Promise.all([
        call("GET", "/v1/customer-portal/seats?" + kind + "_id=" + encodeURIComponent(purchase.id)),
        pools || capacities(),
      ]);
    } catch (error) {
      if (error.status === 401) throw error;
      section.remove();
      return;
    }
    const name = (purchase.product && purchase.product.name) || (kind === "order" ? "Order" : "Subscription");
    const heading = element("h2", name);
    const capacity = element("p", list.available_seats + " of " + list.total_seats + " seats available",
      { class: "capacity" });
    // A seat change waiting for the period end (PATCH ... proration_behavior next_period).
    if (purchase.pending_update && purchase.pending_update.seats !== null) {
      capacity.append(element("span", " · changes to " + purchase.pending_update.seats + " seats on "
        + when(purchase.pending_update.applies_at), { class: "pending-update" }));
    }
    const table = element("table");
    const head = element("thead");
    const headRow = element("tr");
    for (const title of ["Status", "E-mail", "Claimed", "Last active", "Revoked", "Actions"]) headRow.append(element("th", title));
    head.append(headRow);
    const body = element("tbody");
    for (const seat of list.seats) body.append(seatRow(seat, kind, () => render(section, kind, purchase)));
    table.append(head, body);
    section.replaceChildren(heading, capacity, ...poolUsage(pools.get(purchase.id)), table,
      assignForm(kind, purchase, () => render(section, kind, purchase)));
  }

  /** "N of M seats taken" (pending and claimed), and a message once the pool reaches a capacity alert or is full. */
  function poolUsage(pool) {
    if (!pool) return [];
    const taken = pool.claimed + pool.pending;
    const shown = [element("p", taken + " of " + pool.seats + " seats taken", { class: "pool-usage" })];
    const text = pool.full ? "All seats are taken."
      : pool.threshold !== null ? pool.threshold + " % of your seats are taken." : null;
    if (text) shown.push(element("p", text, { class: "notice pool-warning", role: "status" }));
    return shown;
  }

  function seatRow(seat, kind, refresh) {
    const email = seat.email || seat.customer_email || (seat.member && seat.member.email) || "";
    const row = element("tr", null, { class: "seat", "data-seat-id": seat.id, "data-status": seat.status });
    // A scheduled revocation: the holder keeps the seat until then.
    const revoked = seat.revoked_at ? when(seat.revoked_at)
      : seat.revokes_at ? "leaves on " + when(seat.revokes_at) : "";
    row.append(
      element("td", seat.status, { "data-label": "Status", class: "seat-status" }),
      element("td", email, { "data-label": "E-mail", class: "seat-email" }),
      element("td", when(seat.claimed_at), { "data-label": "Claimed" }),
      element("td", idle(seat), { "data-label": "Last active", class: "seat-idle" }),
      element("td", revoked, { "data-label": "Revoked", class: "seat-revokes" }));
    const actions = element("td", null, { class: "actions" });
    if (seat.status === "pending") {
      const resend = element("button", "Resend invitation", { type: "button", class: "secondary resend" });
      resend.setAttribute("aria-label", "Resend the invitation to " + email);
      resend.addEventListener("click", async () => {
        resend.disabled = true;
        try {
          await call("POST", "/v1/customer-portal/seats/" + seat.id + "/resend");
          notice("A new invitation was sent to " + email + ".");
        } catch (error) {
          report(error);
        }
        resend.disabled = false;
      });
      actions.append(resend);
    }
    if (seat.status !== "revoked" && (seat.revokes_at || kind === "subscription")) {
      actions.append(scheduleButton(seat, email, refresh));
    }
    if (seat.status !== "revoked") {
      const revoke = element("button", "Revoke", { type: "button", class: "danger revoke" });
      revoke.setAttribute("aria-label", "Revoke the seat of " + email);
      revoke.addEventListener("click", () => confirmRevoke(seat, email, refresh));
      actions.append(revoke);
    }
    actions.append(historyButton(seat, email, row));
    row.append(actions);
    return row;
  }

  /** Opens (or closes again) the seat's history in a row under the seat's own. */
  function historyButton(seat, email, row) {
    const button = element("button", "History", { type: "button", class: "secondary history", "aria-expanded": "false" });
    button.setAttribute("aria-label", "History of the seat of " + (email || "this holder"));
    button.addEventListener("click", async () => {
      const shown = row.nextElementSibling;
      if (shown && shown.classList.contains("seat-history")) {
        shown.remove();
        button.setAttribute("aria-expanded", "false");
        return;
      }
      button.disabled = true;
      try {
        const history = await call("GET", "/v1/customer-portal/seats/" + encodeURIComponent(seat.id) + "/history");
        row.after(historyRow(history.items));
        button.setAttribute("aria-expanded", "true");
      } catch (error) {
        report(error);
      }
      button.disabled = false;
    });
    return button;
  }

  /** The entries, oldest first: when, what happened (and why), and by whom, each as text. */
  function historyRow(items) {
    const row = element("tr", null, { class: "seat-history" });
    const cell = element("td", null, { colspan: "6" });
    const list = element("ol", null, { class: "history" });
    for (const item of items) {
      const what = (ACTIONS[item.action] || String(item.action).replace(/_/g, " "))
        + (item.reason ? " (" + String(item.reason).replace(/_/g, " ") + ")" : "");
      const entry = element("li", null, { class: "history-entry" });
      entry.append(
        element("span", when(item.at), { class: "history-at" }),
        element("span", what, { class: "history-action" }),
        element("span", "by " + item.actor, { class: "history-actor" }));
      list.append(entry);
    }
    if (!items.length) list.append(element("li", "Nothing has been recorded for this seat yet."));
    cell.append(list);
    row.append(cell);
    return row;
  }

  /** Since when a held seat has been idle (its last activity, else its claim), and when it is reclaimed if it is due. */
  function idle(seat) {
    if (seat.status !== "claimed") return "";
    const since = seat.last_active_at ? when(seat.last_active_at) : "never (claimed " + when(seat.claimed_at) + ")";
    return since + (seat.reclaim_at ? " · idle, reclaimed on " + when(seat.reclaim_at) : "");
  }

  /** Revoke at the period end, or, when a revocation is scheduled, keep the seat (cancel it). */
  function scheduleButton(seat, email, refresh) {
    const keep = Boolean(seat.revokes_at);
    const button = element("button", keep ? "Keep seat" : "Revoke at period end",
      { type: "button", class: keep ? "secondary keep" : "secondary revoke-later" });
    button.setAttribute("aria-label", (keep ? "Keep the seat of " : "Revoke at the period end the seat of ") + email);
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await call("DELETE", "/v1/customer-portal/seats/" + seat.id + (keep ? "/scheduled-revocation" : "?at=period_end"));
        notice(keep ? "The seat of " + email + " is kept." : "The seat of " + email + " leaves at the period end.");
        await refresh();
      } catch (error) {
        report(error);
        button.disabled = false;
      }
    });
    return button;
  }

  function assignForm(kind, purchase, refresh) {
    const form = element("form", null, { class: "assign", novalidate: "" });
    const id = "assign-" + purchase.id;
    const label = element("label", "Invite by e-mail", { for: id });
    const input = element("input", null, { id, type: "email", name: "email", required: "", autocomplete: "email" });
    label.append(input);
    const submit = element("button", "Assign a seat", { type: "submit" });
    form.append(label, submit);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        await call("POST", "/v1/customer-portal/seats", { [kind + "_id"]: purchase.id, email: input.value.trim() });
        notice("Invited " + input.value.trim() + ".");
        input.value = "";
        await refresh();
      } catch (error) {
        report(error);
      }
      submit.disabled = false;
    });
    return form;
  }

  function confirmRevoke(seat, email, refresh) {
    pendingRevoke = { seat, refresh };
    document.getElementById("confirm-text").textContent =
      "The seat of " + (email || "this holder") + " is freed, and they lose access at once.";
    document.getElementById("confirm-revoke").showModal();
  }

  document.getElementById("confirm-no").addEventListener("click", () => {
    pendingRevoke = null;
    document.getElementById("confirm-revoke").close();
  });

  document.getElementById("confirm-yes").addEventListener("click", async () => {
    const dialog = document.getElementById("confirm-revoke");
    dialog.close();
    if (!pendingRevoke) return;
    const { seat, refresh } = pendingRevoke;
    pendingRevoke = null;
    try {
      await call("DELETE", "/v1/customer-portal/seats/" + seat.id);
      notice("The seat was revoked.");
      await refresh();
    } catch (error) {
      report(error);
    }
  });

  async function loadHeld(user) {
    const held = await call("GET", "/v1/customer-portal/seats/subscriptions?limit=100");
    const list = document.getElementById("held-list");
    list.replaceChildren();
    const banners = document.getElementById("reclaims");
    banners.replaceChildren();
    for (const subscription of held.items) {
      const product = subscription.product || {};
      const organization = product.organization || {};
      list.append(element("li", (product.name || "Subscription")
        + (organization.name ? " — " + organization.name : ""), { class: "held-seat" }));
      const seats = await call("GET", "/v1/customer-portal/seats?subscription_id=" + encodeURIComponent(subscription.id));
      const mine = (s) => (s.email || "").toLowerCase() === (user.email || "").toLowerCase();
      for (const seat of seats.seats.filter((s) => s.reclaim_at && s.status === "claimed" && mine(s))) {
        banners.append(reclaimBanner(seat, product.name || "your subscription", user));
      }
    }
    if (!held.items.length) list.append(element("li", "You hold no seat at the moment."));
    document.getElementById("held").hidden = false;
  }

  /** While a reclaim is pending: when, and a button that keeps the seat. */
  function reclaimBanner(seat, productName, user) {
    const banner = element("p", "Your seat for " + productName + " has not been used for a while and will be "
      + "reclaimed on " + when(seat.reclaim_at) + ". ", { class: "notice reclaim-banner", "data-seat-id": seat.id });
    const button = element("button", "Keep my seat", { type: "button", class: "keep-seat" });
    button.addEventListener("click", async () => {
      button.disabled = true;
      await keep(seat.id);
      await loadHeld(user).catch(report);
    });
    banner.append(button);
    return banner;
  }

  load();
})();
