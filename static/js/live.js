// Live card status: the server pushes each status change over a websocket; the page turns
// it into a "card-status" event that htmx partials listen for. While the socket is down,
// body[data-live] is unset and those partials poll instead.
"use strict";

(() => {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const MAX_WAIT_MS = 30000;
  let waitMs = 1000;

  function announce(card) {
    document.body.dispatchEvent(new CustomEvent("card-status", { detail: card }));
  }

  function connect() {
    const socket = new WebSocket(`${scheme}://${location.host}/ws/cards/`);
    socket.addEventListener("open", () => {
      document.body.dataset.live = "1";
      waitMs = 1000;
      announce(null);  // catch up on whatever changed before the socket opened
    });
    socket.addEventListener("message", (message) => {
      const event = JSON.parse(message.data);
      if (event.type === "card.status") announce(event.card);
    });
    socket.addEventListener("close", () => {
      delete document.body.dataset.live;
      setTimeout(connect, waitMs);
      waitMs = Math.min(waitMs * 2, MAX_WAIT_MS);
    });
  }

  // A refused htmx request (a word that is not on the card, a lost session) says why.
  document.addEventListener("htmx:responseError", (event) => {
    const flash = document.getElementById("flash");
    if (!flash) return;
    const page = new DOMParser().parseFromString(event.detail.xhr.responseText, "text/html");
    flash.textContent = page.body.textContent.trim().slice(0, 300) || "The request failed.";
    flash.hidden = false;
  });

  document.addEventListener("DOMContentLoaded", connect);
})();
