// Upload page: drop or choose files; each is sent on its own with a progress bar, then the
// card list (kept live by live.js) shows it being read. Without JavaScript the form posts.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const zone = form.querySelector("[data-dropzone]");
  const list = form.querySelector("[data-uploads]");
  const csrfToken = form.querySelector("[name=csrfmiddlewaretoken]").value;
  form.querySelector("[data-upload-submit]").hidden = true;  // files go as soon as chosen

  function row(file) {
    const item = document.createElement("li");
    item.className = "upload";
    const name = document.createElement("span");
    name.className = "upload-name";
    name.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    const state = document.createElement("span");
    state.className = "upload-state";
    state.textContent = "waiting";
    item.append(name, bar, state);
    list.append(item);
    return { item, bar, state };
  }

  function send(file, view) {
    const request = new XMLHttpRequest();
    const data = new FormData();
    data.append("files", file);
    view.item.dataset.state = "uploading";
    view.state.textContent = "uploading";
    view.item.querySelector("button")?.remove();
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) view.bar.value = (100 * event.loaded) / event.total;
    });
    request.addEventListener("load", () => {
      let body = {};
      try { body = JSON.parse(request.responseText); } catch { /* not JSON: a proxy's page */ }
      if (request.status === 202) {
        const card = body.cards[0];
        view.bar.value = 100;
        view.item.dataset.state = "uploaded";
        view.state.textContent = card.duplicate ? "already uploaded" : "uploaded, queued";
        document.body.dispatchEvent(new CustomEvent("card-status", { detail: card }));
      } else {
        failed(file, view, body.error?.message || `the server answered ${request.status}`);
      }
    });
    request.addEventListener("error", () => failed(file, view, "the network failed"));
    request.open("POST", form.dataset.uploadUrl);
    request.setRequestHeader("X-CSRFToken", csrfToken);
    request.setRequestHeader("Accept", "application/json");
    request.send(data);
  }

  function failed(file, view, message) {
    view.item.dataset.state = "failed";
    view.state.textContent = `failed: ${message}`;
    const retry = document.createElement("button");
    retry.type = "button";
    retry.textContent = "Retry";
    retry.addEventListener("click", () => send(file, view));
    view.item.append(retry);
  }

  function upload(files) {
    for (const file of files) send(file, row(file));
  }

  form.addEventListener("change", (event) => {
    if (event.target.type !== "file") return;
    upload(event.target.files);
    event.target.value = "";
  });
  for (const name of ["dragenter", "dragover"]) {
    zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  }
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    upload(event.dataTransfer.files);
  });
});
