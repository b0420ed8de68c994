// The claim page: what the invitation is for (reading it changes nothing), and a button that claims the seat and
// opens the portal with the session the claim returns.
"use strict";

(() => {
  const { api, show, takeFromAddress, saveSession, portalUrl } = Seatkeeper;
  const EXPIRED = "This invitation link can no longer be used: it was already used, it has expired, or it was "
    + "replaced by a newer one. Ask the person who invited you to send the invitation again.";
  const token = takeFromAddress("token");

  function problem(error) {
    document.getElementById("invitation").hidden = true;
    show("status", "");
    if (error.status === 404 || (error.status === 400 && error.body && error.body.error === "InvalidInvitationToken")) {
      show("problem", EXPIRED);
    } else if (error.status === 403) {
      show("problem", "Seats cannot be claimed for this organization at the moment. Ask the person who invited you.");
    } else {
      show("problem", error.message);
    }
  }

  async function load() {
    if (!token) {
      show("status", "");
      show("problem", "This page needs the invitation link from your e-mail. Open the link exactly as you received it.");
      return;
    }
    try {
      const info = await api("GET", "/v1/customer-seats/claim/" + encodeURIComponent(token));
      document.getElementById("product-name").textContent = info.product_name;
      document.getElementById("organization-name").textContent = info.organization_name;
      document.getElementById("invited-email").textContent = info.customer_email || "—";
      show("status", "You have been invited to a seat.");
      document.getElementById("invitation").hidden = false;
    } catch (error) {
      problem(error);
    }
  }

  async function claim() {
    const button = document.getElementById("claim-button");
    button.disabled = true;
    show("status", "Claiming your seat…");
    try {
      const claimed = await api("POST", "/v1/customer-seats/claim", { body: { invitation_token: token } });
      saveSession(claimed.customer_session_token);
      show("status", "Your seat is yours. Opening your portal…");
      window.location.assign(portalUrl());
    } catch (error) {
      button.disabled = false;
      problem(error);
    }
  }

  document.getElementById("claim-button").addEventListener("click", claim);
  load();
})();
