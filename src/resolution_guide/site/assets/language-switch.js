/* The language switch keeps the calculator answers: they live in the URL fragment (#...), which a
   plain link to the other language's page would drop. Added by the resolution-guide plugin when the
   guide has more than one language (DESIGN.md, "Languages"). Runs in the capture phase and stops the
   click there, so Material's own handler for alternate-language links (which goes through
   sitemap.xml and drops the fragment) does not replace this link; the browser still follows it. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-rg-language-switch]");
  if (!link) return;
  event.stopPropagation();
  if (window.location.hash) link.setAttribute("href", link.getAttribute("href").split("#")[0] + window.location.hash);
}, true);
