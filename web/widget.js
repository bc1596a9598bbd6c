/* The website chat widget: rasa-webchat 1.0.1 talking to Rasa's socket.io channel.
 * The Rasa URL comes from /config.js (written by scripts/serve_web.py), never hard-coded.
 * The conversation is kept in sessionStorage: it survives a reload in the same tab, and a new
 * tab (or a closed browser) starts fresh. See docs/web.md for embedding it on a real page. */
(function () {
  "use strict";

  var config = window.ASSISTANT_CONFIG;
  var element = document.getElementById("assistant-widget");
  if (!config || !config.rasaUrl || !window.WebChat || !element) {
    // Without the widget the page still shows the phone number.
    if (window.console) { window.console.error("assistant widget: missing config or bundle"); }
    return;
  }

  window.WebChat.default({
    socketUrl: config.rasaUrl,
    socketPath: "/socket.io/",
    initPayload: "/greet",
    customData: { language: "en" },
    params: { storage: "session" },
    title: "Questions about your procedure",
    subtitle: "A computer helper, not a person",
    inputTextFieldHint: "Type your question here",
    connectingText: "Connecting…",
    showFullScreenButton: true,
    showMessageDate: false,
    // Answers appear after a short pause instead of a long "typing" delay.
    customMessageDelay: function () { return 400; },
    mainColor: "#0b3d91",
    userBackgroundColor: "#0b3d91",
    userTextColor: "#ffffff",
    assistBackgoundColor: "#eef2f8",
    assistTextColor: "#111111"
  }, element);

  // rasa-webchat draws quick replies as <div>s with a click handler: make them real buttons
  // for keyboards and screen readers, and label the icon-only buttons.
  function improve(root) {
    var replies = root.querySelectorAll("div.rw-reply:not([role])");
    Array.prototype.forEach.call(replies, function (reply) {
      reply.setAttribute("role", "button");
      reply.setAttribute("tabindex", "0");
      reply.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          reply.click();
        }
      });
    });
    var labels = [
      ["button.rw-launcher", "Open or close the chat"],
      ["button.rw-close-button", "Close the chat"],
      ["button.rw-toggle-fullscreen-button", "Make the chat bigger or smaller"],
      ["button.rw-send", "Send"],
      ["textarea.rw-new-message", "Type your question"]
    ];
    labels.forEach(function (pair) {
      Array.prototype.forEach.call(root.querySelectorAll(pair[0]), function (node) {
        if (node.getAttribute("aria-label") !== pair[1]) { node.setAttribute("aria-label", pair[1]); }
      });
    });
    var messages = root.querySelector(".rw-messages-container");
    if (messages && !messages.hasAttribute("role")) {
      messages.setAttribute("role", "log");
      messages.setAttribute("aria-live", "polite");
      messages.setAttribute("aria-label", "Conversation");
    }
  }

  new MutationObserver(function () { improve(element); })
    .observe(element, { childList: true, subtree: true });
  improve(element);
})();
