/* Start: set every calculator up once the page has loaded. Part of widgets.js (see resolution_guide.browser.scripts). */
/* Set up in a task of its own: a deferred script runs in the same task as the theme's
   DOMContentLoaded handlers, and together they made one long main-thread task. */
function initSoon() { setTimeout(initAll, 0); }
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initSoon);
else initSoon();
