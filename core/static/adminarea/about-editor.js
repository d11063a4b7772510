// The About page editor: pell (vendor/pell) edits formatted text in place of the HTML textarea, which
// it keeps filled, so the form posts HTML as before and the server sanitises it on save (nh3).
// Without JavaScript the textarea stays, for HTML.
(function () {
  "use strict";
  var textarea = document.querySelector("textarea[data-editor]");
  if (!textarea || !window.pell) return;
  // A toolbar action returns true to give the focus back to the text (pell's convention).
  var block = function (tag) { return function () { return window.pell.exec("formatBlock", "<" + tag + ">"); }; };
  // HTML typed in the textarea is shown in the editor inertly: event handlers and style attributes are
  // renamed inside its tags before parsing (so the CSP has nothing to refuse), it is parsed into a document
  // of its own (no script runs there) and stripped of scripts, styles and every attribute but href and
  // title. The server keeps no more when it saves.
  var show = function (html) {
    var defused = html.replace(/<[^>]*>/g, function (tag) {
      return tag.replace(/(\s)(on[a-z]+|style)(\s*=)/gi, "$1data-removed$3");
    });
    var parsed = new DOMParser().parseFromString(defused, "text/html").body;
    parsed.querySelectorAll("script, style, iframe, object, embed").forEach(function (node) { node.remove(); });
    parsed.querySelectorAll("*").forEach(function (node) {
      Array.prototype.slice.call(node.attributes).forEach(function (attribute) {
        if (attribute.name !== "href" && attribute.name !== "title") node.removeAttribute(attribute.name);
      });
    });
    editor.content.replaceChildren.apply(editor.content, Array.prototype.map.call(parsed.childNodes, function (node) {
      return document.importNode(node, true);
    }));
  };
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
  show(textarea.value);
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
      var backToEditor = !textarea.hidden;
      if (backToEditor) show(textarea.value);
      textarea.hidden = backToEditor;
      holder.hidden = !backToEditor;
      toggle.textContent = backToEditor ? "Edit the HTML" : "Back to the editor";
    });
  }
})();
