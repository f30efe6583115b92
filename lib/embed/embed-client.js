// Amply's embed script, served as /embed.js to organisations' own sites (docs/embedding.md).
// It runs on someone else's page: no dependencies, no globals, nothing trusted from messages but
// a height from Amply's own frame.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var amply = new URL(script.src).origin;
  var read = function (name) {
    return (script.getAttribute("data-" + name) || "").trim();
  };
  var organisation = read("organisation");
  if (!/^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$/.test(organisation)) {
    console.error("Amply: data-organisation must be your organisation's address on Amply, like save-the-river.");
    return;
  }
  var page = new URL("/give/" + organisation, amply);
  ["fund", "campaign", "amount", "frequency", "lang"].forEach(function (name) {
    if (read(name)) page.searchParams.set(name, read(name));
  });
  page.searchParams.set("embed", location.origin);
  // Where a bank that refuses frames sends the donor back to: this page.
  page.searchParams.set("return_to", location.href.split("#")[0]);

  var frame = document.createElement("iframe");
  frame.src = page.href;
  frame.title = read("title") || "Donation form";
  frame.allow = "payment";
  frame.setAttribute("loading", "lazy");
  frame.style.cssText = "display:block;width:100%;min-height:480px;border:0;color-scheme:normal";

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== amply || event.source !== frame.contentWindow || !data || data.type !== "amply:height") return;
    var height = Number(data.height);
    if (height > 0 && height < 20000) frame.style.height = Math.ceil(height) + "px";
  });

  if (read("mode") !== "button") {
    script.insertAdjacentElement("afterend", frame);
    return;
  }

  var button = document.createElement("button");
  button.type = "button";
  button.textContent = read("label") || "Donate";
  button.setAttribute("aria-haspopup", "dialog");
  var dialog = document.createElement("dialog");
  dialog.setAttribute("aria-label", frame.title);
  dialog.style.cssText = "width:min(40rem,100vw);max-width:100vw;max-height:100dvh;padding:0;border:0;border-radius:.75rem";
  var close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.style.cssText = "display:block;margin:.5rem .5rem 0 auto";
  close.addEventListener("click", function () {
    dialog.close();
  });
  dialog.appendChild(close);
  // A modal <dialog> keeps focus inside it, closes on Escape, and hands focus back on closing.
  dialog.addEventListener("close", function () {
    button.focus();
  });
  button.addEventListener("click", function () {
    if (!frame.parentNode) dialog.appendChild(frame);
    dialog.showModal();
  });
  script.insertAdjacentElement("afterend", button);
  document.body.appendChild(dialog);
})();
