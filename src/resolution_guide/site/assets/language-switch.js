/* The language switch keeps the calculator answers: they live in the URL fragment (#...), which a
   plain link to the other language's page would drop. Added by the resolution-guide plugin when the
   guide has more than one language (DESIGN.md section 16). */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-rg-language-switch]");
  if (!link || !window.location.hash) return;
  link.setAttribute("href", link.getAttribute("href").split("#")[0] + window.location.hash);
}, true);
