/* Letters in the calculators (issue 11): the letters this case can use today, each filled by the
   engine (the `letter` action) from the letter pack the page embeds (#rg-letter-pack), with copy,
   print and download (.txt, .docx). Made in this browser; nothing is sent anywhere.
   Part of widgets.js (see resolution_guide.browser.scripts). */

var letterPack;   // read once per page
function readLetterPack() {
  if (letterPack === undefined) {
    var node = document.getElementById("rg-letter-pack");
    try { letterPack = node ? JSON.parse(node.textContent) : null; } catch (e) { letterPack = null; }
  }
  return letterPack;
}

/* A letter is offered while today is inside its window: from its `open_from` date (e.g. the
   hearing-officer letter once that date is open) until its `open_until` date (e.g. the cancel
   letter until the last day). The windows name the engine's deadlines; their dates are the result's. */
function letterIsOpen(letter, deadlines, today) {
  var from = letter.open_from && deadlines[letter.open_from], until = letter.open_until && deadlines[letter.open_until];
  if (letter.open_from && !(from && from.date)) return false;
  if (from && from.date > today) return false;
  if (until && until.date && until.date < today) return false;
  return true;
}

Widget.prototype.part_letters = function (result) {
  var pack = readLetterPack();
  if (!pack || !Object.keys(result.deadlines).length) return null;
  var self = this, w = this.words, today = this.todayIso(), theCase = this.lastCase || this.readCase();
  var byId = {};
  pack.letters.forEach(function (l) { byId[l.id] = l; });
  var list = el("ul", { class: "rg-letter-list" });
  var wrap = el("div", { class: "rg-letters", hidden: "" }, [
    el("h3", { text: w.ui("letters.heading") }),
    el("p", { class: "rg-hint", text: w.ui("letters.intro") }),
    list,
  ]);
  var seq = this.seq;
  window.RGRuntime.call({ action: "letter", pack: pack, case: theCase, locale: this.locale }).then(function (response) {
    if (seq !== self.seq || !response.ok) return;
    var ready = response.letters.filter(function (l) {
      return l.ready && byId[l.id] && letterIsOpen(byId[l.id], result.deadlines, today);
    });
    ready.forEach(function (l) { list.appendChild(self.letterItem(l, theCase)); });
    if (ready.length) wrap.hidden = false;
  }, function () {});
  return wrap;
};

/* One letter: a closed disclosure; opening it fills the letter for this case. */
Widget.prototype.letterItem = function (entry, theCase) {
  var self = this, w = this.words;
  var body = el("div", { class: "rg-letter-body" });
  var item = el("details", { class: "rg-letter", "data-letter": entry.id }, [el("summary", { text: entry.title }), body]);
  var filled = false;
  item.addEventListener("toggle", function () {
    if (!item.open || filled) return;
    filled = true;
    window.RGRuntime.call({ action: "letter", pack: readLetterPack(), case: theCase, letter: entry.id, format: "docx",
      locale: self.locale }).then(function (response) {
      if (!response.ok) { body.appendChild(el("p", { text: w.ui("letters.failed") })); return; }
      self.fillLetter(body, response.letter, response.docx_base64);
    }, function () { body.appendChild(el("p", { text: w.ui("letters.failed") })); });
  });
  return el("li", {}, [item]);
};

Widget.prototype.fillLetter = function (body, letter, docxBase64) {
  var w = this.words;
  var status = el("p", { class: "rg-letter-status", "data-rg-letter-status": "", role: "status" });
  var text = el("div", { class: "rg-letter-text", tabindex: "0", "aria-label": letter.title },
    letter.blocks.map(function (block) {
      return el("p", {}, block.reduce(function (nodes, line, i) {
        if (i) nodes.push(el("br"));
        nodes.push(document.createTextNode(line));
        return nodes;
      }, []));
    }));
  function button(key, attr, action) {
    var b = el("button", { type: "button", class: "rg-button rg-button-secondary" });
    b.setAttribute(attr, "");
    b.textContent = w.ui("letters." + key);
    b.addEventListener("click", action);
    return b;
  }
  var file = w.ui("letters.file", { id: letter.id.replace(/_/g, "-") });
  body.appendChild(el("p", { class: "rg-hint", text: w.ui("letters.blanks") }));
  body.appendChild(text);
  body.appendChild(el("div", { class: "rg-actions rg-letter-actions" }, [
    button("copy", "data-rg-copy", function () { copyText(letter.text, text, status, w); }),
    button("print", "data-rg-letter-print", function () { printLetter(letter); }),
    button("txt", "data-rg-txt", function () { saveFile(new Blob([letter.text], { type: "text/plain;charset=utf-8" }), file + ".txt"); }),
    docxBase64 ? button("docx", "data-rg-docx", function () {
      var raw = atob(docxBase64), bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
      saveFile(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }), file + ".docx");
    }) : null,
  ]));
  body.appendChild(status);
  // Who can help with it (the organization that publishes this copy): beside the letter, not in it.
  if (letter.help) body.appendChild(el("p", { class: "rg-letter-help", "data-rg-letter-help": "", text: letter.help }));
};

/* The clipboard when the browser allows it; else the letter's text is selected for the person to copy. */
function copyText(value, node, status, w) {
  function selectIt() {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    status.textContent = w.ui("letters.selected");
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(value).then(function () { status.textContent = w.ui("letters.copied"); }, selectIt);
  } else {
    selectIt();
  }
}

/* A file made here and handed to the browser's download (no request leaves the device). */
function saveFile(blob, name) {
  var url = URL.createObjectURL(blob);
  var link = el("a", { href: url, download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
}

/* Print one letter alone: the page prints only the marked letter (widgets.css, print). */
function printLetter(letter) {
  var node = document.querySelector('[data-letter="' + letter.id + '"]');
  document.documentElement.setAttribute("data-rg-printing", "letter");
  if (node) node.setAttribute("data-rg-print-this", "");
  window.print();
  setTimeout(function () {
    document.documentElement.removeAttribute("data-rg-printing");
    if (node) node.removeAttribute("data-rg-print-this");
  }, 500);
}
