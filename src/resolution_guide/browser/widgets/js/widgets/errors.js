/* The GOV.UK error pattern: summary with links, message beside each field. Part of widgets.js (see resolution_guide.browser.scripts). */

/* The field's short name for the error summary: this page's words, then the engine's. */
Widget.prototype.shortLabel = function (name, group) {
  var label = this.words.field(name, "short") || this.words.engine("fields." + name);
  if (label) return label;
  var caption = group.querySelector("legend, label");
  return caption ? caption.firstChild.textContent.trim() : name;
};

/* ---------- GOV.UK error pattern ---------- */
Widget.prototype.clearErrors = function () {
  this.summary.hidden = true;
  this.summary.querySelector("ul").textContent = "";
  this.groups.forEach(function (group) {
    group.classList.remove("rg-field-error");
    var msg = group.querySelector(".rg-error-message");
    if (msg) { msg.hidden = true; msg.textContent = ""; }
    this.fieldInputs(group).forEach(function (i) { i.removeAttribute("aria-invalid"); });
  }, this);
};

Widget.prototype.showErrors = function (errors, moveFocus) {
  var self = this;
  var list = this.summary.querySelector("ul");
  this.clearErrors();
  errors.forEach(function (error) {
    var group = error.field && self.root.querySelector('[data-field="' + error.field + '"]');
    var text = self.words.ui("errors." + error.code, error.params);
    if (text === error.code) text = self.words.engine("errors." + error.code, error.params) || error.message;
    var item = el("li");
    if (group && !group.hidden) {
      var input = error.input || self.fieldInputs(group)[0];
      var box = group.closest("details");
      if (box) box.open = true;
      var linkText = self.words.ui("errors.link", { field: self.shortLabel(error.field, group), message: text });
      var link = el("a", { href: "#" + input.id, text: linkText });
      link.addEventListener("click", function (event) {
        event.preventDefault();       // keep the answers in the fragment; just move focus
        input.focus();
        group.scrollIntoView({ block: "center" });
      });
      item.appendChild(link);
      group.classList.add("rg-field-error");
      var msg = group.querySelector(".rg-error-message");
      msg.textContent = "";
      msg.appendChild(el("span", { class: "rg-visually-hidden", text: self.words.ui("errors.prefix") + " " }));
      msg.appendChild(document.createTextNode(text));
      msg.hidden = false;
      self.fieldInputs(group).forEach(function (i) { i.setAttribute("aria-invalid", "true"); });
    } else {
      item.textContent = text;
    }
    list.appendChild(item);
  });
  this.summary.hidden = false;
  this.root.setAttribute("data-rg-state", "error");
  if (moveFocus) this.summary.focus();
};
