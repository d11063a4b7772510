// The About page editor: pell (vendor/pell) edits formatted text in place of the HTML textarea, which
// it keeps filled, so the form posts HTML as before and the server sanitises it on save (nh3).
// Without JavaScript the textarea stays, for HTML.
(function () {
  "use strict";
  var textarea = document.querySelector("textarea[data-editor]");
  if (!textarea || !window.pell) return;
  var block = function (tag) { return function () { window.pell.exec("formatBlock", "<" + tag + ">"); }; };
  var holder = document.createElement("div");
  holder.className = "editor";
  textarea.parentNode.insertBefore(holder, textarea);
  var editor = window.pell.init({
    element: holder,
    defaultParagraphSeparator: "p",
    onChange: function (html) { textarea.value = html; },
    // Only what core/pages/sanitize.py keeps: headings start at h2 (the page title is the h1).
    actions: [
      { name: "bold", icon: "<b>B</b>", title: "Bold" },
      { name: "italic", icon: "<i>I</i>", title: "Italic" },
      { name: "heading2", icon: "H2", title: "Heading", result: block("h2") },
      { name: "heading3", icon: "H3", title: "Subheading", result: block("h3") },
      { name: "paragraph", icon: "¶", title: "Paragraph" },
      { name: "quote", icon: "“ ”", title: "Quote" },
      { name: "ulist", icon: "•", title: "Bulleted list" },
      { name: "olist", icon: "1.", title: "Numbered list" },
      { name: "code", icon: "&lt;/&gt;", title: "Code block" },
      { name: "link", icon: "Link", title: "Link" },
    ],
  });
  editor.content.innerHTML = textarea.value;
  editor.content.setAttribute("role", "textbox");
  editor.content.setAttribute("aria-multiline", "true");
  editor.content.setAttribute("aria-label", "Text of the page");
  editor.content.id = textarea.id + "_editor";
  holder.querySelectorAll("button").forEach(function (button) {
    button.setAttribute("aria-label", button.title);
  });
  textarea.hidden = true;

  // "Edit the HTML" shows the textarea instead, for what the toolbar cannot do.
  var toggle = document.querySelector("[data-editor-toggle]");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var showHtml = !textarea.hidden;
      if (showHtml) editor.content.innerHTML = textarea.value;
      textarea.hidden = showHtml;
      holder.hidden = !showHtml;
      toggle.textContent = showHtml ? "Edit the HTML" : "Back to the editor";
    });
  }
})();
