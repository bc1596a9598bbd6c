/* The website chat widget: rasa-webchat 1.0.1 talking to Rasa's socket.io channel.
 * The Rasa URL comes from /config.js (written by scripts/serve_web.py), never hard-coded.
 * The conversation is kept in sessionStorage: it survives a reload in the same tab, and a new
 * tab (or a closed browser) starts fresh. See docs/web.md for embedding it on a real page.
 *
 * Languages (English, Spanish). The widget's own texts (title, subtitle, placeholder, labels)
 * follow window.AssistantWidget.language(). A language button ("Español" / "English": one in
 * the widget's header, plus any page element with a data-language-toggle attribute) switches
 * them and sends that word to the bot as a normal user message: the bot switches the
 * conversation's language and greets in it (its answers come from the server in the
 * conversation's language; nothing is translated here). The choice is kept in sessionStorage
 * (same life as the conversation) and announced to the page with a "assistant-language" event
 * (detail.language), so the page can translate its own texts (see page.js). */
(function () {
  "use strict";

  var STORAGE_KEY = "assistant_language";
  // What the language buttons send: the bot's contract (a whole message "Español"/"English").
  var SWITCH_WORD = { en: "English", es: "Español" };
  // Spanish drafted by the translator helper (/work/es-staging/interface_es.yml): NOT YET
  // REVIEWED by a qualified medical translator (docs/translation-review.md).
  var TEXT = {
    en: {
      title: "Questions about your procedure",
      subtitle: "A computer helper, not a person",
      placeholder: "Type your question here",
      connecting: "Connecting…",
      launcher: "Open or close the chat",
      close: "Close the chat",
      fullScreen: "Make the chat bigger or smaller",
      send: "Send",
      messageBox: "Type your question",
      conversation: "Conversation"
    },
    es: {
      title: "Preguntas sobre su procedimiento",
      subtitle: "Un asistente de computadora, no una persona",
      placeholder: "Escriba su pregunta aquí",
      connecting: "Conectando…",
      launcher: "Abrir o cerrar el chat",
      close: "Cerrar el chat",
      fullScreen: "Hacer el chat más grande o más pequeño",
      send: "Enviar",
      messageBox: "Escriba su pregunta",
      conversation: "Conversación"
    }
  };

  var config = window.ASSISTANT_CONFIG;
  var element = document.getElementById("assistant-widget");
  var language = initialLanguage();
  var chat = null;  // rasa-webchat's handle: sendMessage(payload, shownText)
  var customData = { language: language };  // the socket keeps this object: kept up to date

  function isLanguage(value) { return value === "en" || value === "es"; }
  function other(lang) { return lang === "es" ? "en" : "es"; }

  function initialLanguage() {
    var stored = null;
    try { stored = window.sessionStorage.getItem(STORAGE_KEY); } catch (error) { /* blocked */ }
    if (isLanguage(stored)) { return stored; }
    // A page written in Spanish starts the widget in Spanish.
    return /^es\b/i.test(document.documentElement.lang || "") ? "es" : "en";
  }

  function remember(lang) {
    try { window.sessionStorage.setItem(STORAGE_KEY, lang); } catch (error) { /* blocked */ }
  }

  // A language button names the OTHER language, in that language (and says so with `lang`, so
  // a screen reader pronounces "Español" in Spanish on an English page).
  function showToggle(button) {
    var target = other(language);
    if (button.textContent !== SWITCH_WORD[target]) { button.textContent = SWITCH_WORD[target]; }
    if (button.getAttribute("lang") !== target) { button.setAttribute("lang", target); }
  }

  function updateToggles() {
    Array.prototype.forEach.call(
      document.querySelectorAll("[data-language-toggle], button.rw-language"), showToggle);
  }

  function wireToggle(button) {
    if (button.dataset.languageWired) { return; }
    button.dataset.languageWired = "1";
    button.hidden = false;  // page buttons stay hidden until this script can switch
    button.addEventListener("click", function () { setLanguage(other(language)); });
    showToggle(button);
  }

  function widgetProps() {
    var text = TEXT[language];
    return {
      socketUrl: config.rasaUrl,
      socketPath: "/socket.io/",
      // A conversation that starts after Spanish was chosen starts with the switch word.
      initPayload: language === "es" ? SWITCH_WORD.es : "/greet",
      customData: customData,
      params: { storage: "session" },
      title: text.title,
      subtitle: text.subtitle,
      inputTextFieldHint: text.placeholder,
      connectingText: text.connecting,
      showFullScreenButton: true,
      showMessageDate: false,
      // Answers appear after a short pause instead of a long "typing" delay.
      customMessageDelay: function () { return 400; },
      mainColor: "#0b3d91",
      userBackgroundColor: "#0b3d91",
      userTextColor: "#ffffff",
      assistBackgoundColor: "#eef2f8",
      assistTextColor: "#111111",
      innerRef: function (handle) { if (handle) { chat = handle; } }
    };
  }

  // Rendering again into the same element updates the mounted widget's props (React): same
  // socket, same session, same conversation; only the texts change.
  function render() { window.WebChat.default(widgetProps(), element); }

  function isOpen() { return !!element.querySelector(".rw-conversation-container"); }

  /* Switch the interface to `lang` and tell the bot (unless options.tellBot === false). */
  function setLanguage(lang, options) {
    if (!isLanguage(lang)) { return; }
    var tellBot = !options || options.tellBot !== false;
    language = lang;
    customData.language = lang;
    remember(lang);
    updateToggles();
    if (widgetReady) {
      element.setAttribute("lang", lang);
      render();
      improve(element);
      if (tellBot && chat && typeof chat.sendMessage === "function") {
        // Shown in the conversation as the patient's message; the bot answers with its
        // greeting in that language. Then open the chat so the answer is seen.
        chat.sendMessage(SWITCH_WORD[lang], SWITCH_WORD[lang]);
        if (!isOpen()) {
          var launcher = element.querySelector("button.rw-launcher");
          if (launcher) { launcher.click(); }
        }
      }
    }
    var event;
    try {
      event = new CustomEvent("assistant-language", { detail: { language: lang } });
    } catch (error) {
      event = document.createEvent("CustomEvent");
      event.initCustomEvent("assistant-language", false, false, { language: lang });
    }
    document.dispatchEvent(event);
  }

  window.AssistantWidget = Object.freeze({
    language: function () { return language; },
    setLanguage: setLanguage
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-language-toggle]"), wireToggle);

  var widgetReady = !!(config && config.rasaUrl && window.WebChat && element);
  if (!widgetReady) {
    // Without the widget the page still shows the phone number (and can switch its language).
    if (window.console) { window.console.error("assistant widget: missing config or bundle"); }
    return;
  }

  element.setAttribute("lang", language);
  render();

  // rasa-webchat draws quick replies as <div>s with a click handler: make them real buttons
  // for keyboards and screen readers, label the icon-only buttons, and add the language button
  // to the header (the chat covers the page on a phone).
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
    var text = TEXT[language];
    var labels = [
      ["button.rw-launcher", text.launcher],
      ["button.rw-close-button", text.close],
      ["button.rw-toggle-fullscreen-button", text.fullScreen],
      ["button.rw-send", text.send],
      ["textarea.rw-new-message", text.messageBox]
    ];
    labels.forEach(function (pair) {
      Array.prototype.forEach.call(root.querySelectorAll(pair[0]), function (node) {
        if (node.getAttribute("aria-label") !== pair[1]) { node.setAttribute("aria-label", pair[1]); }
      });
    });
    var messages = root.querySelector(".rw-messages-container");
    if (messages) {
      if (!messages.hasAttribute("role")) {
        messages.setAttribute("role", "log");
        messages.setAttribute("aria-live", "polite");
      }
      if (messages.getAttribute("aria-label") !== text.conversation) {
        messages.setAttribute("aria-label", text.conversation);
      }
      // A conversation long enough to scroll must be reachable by keyboard (axe-core
      // scrollable-region-focusable): the log itself takes focus and scrolls with the arrows.
      if (!messages.hasAttribute("tabindex")) { messages.setAttribute("tabindex", "0"); }
    }
    // The "Connecting…" text is fixed when the widget is created: follow the language.
    var loading = root.querySelector(".rw-loading");
    if (loading && loading.textContent === TEXT[other(language)].connecting) {
      loading.textContent = text.connecting;
    }
    var header = root.querySelector(".rw-header");
    if (header && !header.querySelector("button.rw-language")) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "rw-language";
      header.appendChild(button);
      wireToggle(button);
    }
  }

  new MutationObserver(function () { improve(element); })
    .observe(element, { childList: true, subtree: true });
  improve(element);
})();
