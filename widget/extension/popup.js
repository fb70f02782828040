// The toolbar popup: turns factcard on or off for the current tab's site,
// asking for that site's host permission in the click (browsers require a
// user gesture), and shows the dataset's version and as-of date.
(() => {
  "use strict";
  const ext = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  const $ = (id) => document.getElementById(id);
  const ask = async (msg) => {
    const r = await ext.runtime.sendMessage(msg);
    if (!r || r.error) throw new Error((r && r.error) || "no answer from the background");
    return r.result;
  };
  const say = (text) => { $("status").textContent = text; };

  ask({ factcard: "meta" }).then(
    (m) => { $("dataset").textContent = "Dataset " + m.datasetVersion + ", facts as of " + m.asOf + "."; },
    (e) => say("The engine did not start: " + e.message));

  ext.tabs.query({ active: true, currentWindow: true }).then(async ([tab]) => {
    const url = tab && tab.url ? new URL(tab.url) : null;
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      $("site").textContent = "factcard runs on web pages (http and https).";
      return;
    }
    const origins = [url.protocol + "//" + url.hostname + "/*"];
    let on = await ask({ factcard: "siteOn", origin: url.origin });
    const toggle = $("toggle");
    const show = () => {
      $("site").textContent = "factcard is " + (on ? "on" : "off") + " for " + url.hostname + ".";
      toggle.textContent = on ? "Turn off for this site" : "Turn on for this site";
      toggle.hidden = false;
    };
    show();
    toggle.addEventListener("click", async () => {
      try {
        if (!on) {
          if (!(await ext.permissions.request({ origins }))) {
            say("Not turned on: the permission to read " + url.hostname + " was declined.");
            return;
          }
          on = await ask({ factcard: "site", origin: url.origin, on: true, tabId: tab.id });
        } else {
          on = await ask({ factcard: "site", origin: url.origin, on: false });
          await ext.permissions.remove({ origins });
        }
        say("");
        show();
      } catch (e) {
        say(e.message);
      }
    });
  });
})();
