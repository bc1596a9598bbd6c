/* Waiting-room kiosk: one shared touch screen, many patients.
 *
 * - Talks to POST {rasaUrl}/webhooks/kiosk/webhook {sender, message} (channels/kiosk.py).
 * - The conversation id is random and lives only in this script's memory: nothing is written
 *   to localStorage, sessionStorage or cookies. It is shown in <body data-conversation> so the
 *   browser tests can see it change.
 * - Answers are added with textContent (never innerHTML): no HTML from a message runs.
 * - "Start over", or no activity for KIOSK_IDLE_SECONDS followed by an unanswered
 *   "Are you still there?" for KIOSK_WARN_SECONDS, clears the screen and starts a new
 *   conversation with a new id. Answers still on their way for the old conversation are dropped.
 * - Languages: the "Español" / "English" button switches the kiosk's own texts (elements with
 *   data-i18n, and the texts below; <html lang> follows) and sends that word to the bot as a
 *   normal message: the bot switches the conversation's language and greets in it (answers
 *   come from the server in the conversation's language). A new conversation ("Start over" or
 *   the idle reset: the next patient) starts in English. Topic payloads never change.
 */
(function () {
  "use strict";

  var config = window.ASSISTANT_CONFIG || {};
  var WEBHOOK = String(config.rasaUrl || "").replace(/\/+$/, "") + "/webhooks/kiosk/webhook";
  var IDLE_MS = 1000 * (Number(config.kioskIdleSeconds) || 120);
  var WARN_MS = 1000 * (Number(config.kioskWarnSeconds) || 20);
  var TIMEOUT_MS = 30000;
  // What the language button sends: the bot's contract (a whole message "Español"/"English").
  var SWITCH_WORD = { en: "English", es: "Español" };
  // The English of the page's data-i18n texts is the HTML's own (read at start); the Spanish,
  // and both languages of the script's texts, are here. Spanish drafted by the translator
  // helper (/work/es-staging/interface_es.yml): NOT YET REVIEWED by a qualified medical
  // translator (docs/translation-review.md).
  var TEXT = {
    en: {
      trouble: "Sorry, the helper is not working right now. Please ask the front desk.",
      youAsked: "You asked: ",
      answer: "Answer: ",
      moreAboutThis: "More about this",
      looking: "Looking for the answer…",
      seconds: "seconds.",
      second: "second."
    },
    es: {
      title: "Preguntas sobre su vertebroplastia",
      startOver: "Empezar de nuevo",
      tapATopic: "Toque un tema",
      topicWhatIs: "¿Qué es?",
      topicArrival: "Cuándo llegar",
      topicBloodThinners: "Anticoagulantes",
      topicDuration: "Cuánto dura",
      topicSedation: "¿Estaré consciente?",
      topicRecovery: "Recuperación",
      topicPainRelief: "Alivio del dolor",
      topicFollowUp: "Cita de seguimiento",
      topicScheduling: "Hacer una cita",
      answers: "Respuestas",
      welcome: "Toque un tema o escriba su pregunta abajo. Este es un asistente de " +
        "computadora, no una persona.",
      typeYourQuestion: "Escriba su pregunta",
      ask: "Preguntar",
      privacy: "Otras personas usan esta pantalla. Se borra sola cuando usted termina.",
      stillThere: "¿Sigue ahí?",
      idleBefore: "Para proteger su privacidad, la pantalla se va a borrar en",
      stillHere: "Sí, sigo aquí",
      trouble: "Lo siento, el asistente no funciona en este momento. Por favor, pregunte en " +
        "la recepción.",
      youAsked: "Usted preguntó: ",
      answer: "Respuesta: ",
      moreAboutThis: "Más sobre este tema",
      looking: "Buscando la respuesta…",
      seconds: "segundos.",
      second: "segundo."
    }
  };

  var log = document.getElementById("log");
  var welcome = document.getElementById("welcome");
  var statusLine = document.getElementById("status");
  var form = document.getElementById("ask");
  var input = document.getElementById("question");
  var dialog = document.getElementById("idle");
  var secondsLeft = document.getElementById("idle-seconds");
  var secondsUnit = document.getElementById("idle-unit");
  var languageButton = document.getElementById("language");
  var translated = Array.prototype.slice.call(document.querySelectorAll("[data-i18n]"));
  translated.forEach(function (node) {
    TEXT.en[node.getAttribute("data-i18n")] = node.textContent;
  });
  TEXT.en.title = document.title;
  var language = "en";

  var conversation = null;     // the sender id: memory only
  var pending = [];            // requests in flight, aborted when the screen is cleared
  var lastActivity = Date.now();
  var warningSince = null;     // when "Are you still there?" was shown

  function newId() {
    var cryptoApi = window.crypto;
    if (cryptoApi && typeof cryptoApi.randomUUID === "function") {
      return cryptoApi.randomUUID();
    }
    // randomUUID needs a secure context (https or localhost); a kiosk reaching this page as
    // http://host:8080/ has only getRandomValues. Same format: a random version 4 UUID.
    var bytes = cryptoApi.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
      hex.slice(20)].join("-");
  }

  function tr(key) { return TEXT[language][key]; }

  // Every kiosk text in `lang`; the button names the other language, in that language.
  function setLanguage(lang) {
    language = lang === "es" ? "es" : "en";
    document.documentElement.lang = language;
    document.title = tr("title");
    translated.forEach(function (node) {
      var value = tr(node.getAttribute("data-i18n"));
      if (typeof value === "string" && node.textContent !== value) { node.textContent = value; }
    });
    showSeconds(warningSince === null ? Math.ceil(WARN_MS / 1000)
      : Number(secondsLeft.textContent));
    var target = language === "es" ? "en" : "es";
    languageButton.textContent = SWITCH_WORD[target];
    languageButton.setAttribute("lang", target);
  }

  function showSeconds(seconds) {
    secondsLeft.textContent = String(seconds);
    secondsUnit.textContent = tr(seconds === 1 ? "second" : "seconds");
  }

  function startConversation() {
    pending.forEach(function (request) { request.abort(); });
    conversation = newId();
    document.body.dataset.conversation = conversation;
    Array.prototype.slice.call(log.children).forEach(function (child) {
      if (child !== welcome) { log.removeChild(child); }
    });
    welcome.hidden = false;
    input.value = "";
    statusLine.textContent = "";
    closeWarning();
    setLanguage("en");  // the next patient starts in English, as the new conversation does
    log.scrollTop = 0;
    window.scrollTo(0, 0);
    lastActivity = Date.now();
  }

  function isPristine() {
    return log.children.length <= 1 && input.value === "";
  }

  function addEntry(kind, text) {
    var entry = document.createElement("div");
    entry.className = "entry " + kind;
    var label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = tr(kind === "question" ? "youAsked" : "answer");
    var body = document.createElement("p");
    body.textContent = text;
    entry.appendChild(label);
    entry.appendChild(body);
    log.appendChild(entry);
    welcome.hidden = true;
    return entry;
  }

  function removeOldFollowUps() {
    Array.prototype.forEach.call(log.querySelectorAll(".follow-ups"), function (group) {
      group.parentNode.removeChild(group);
    });
  }

  function addButtons(entry, buttons) {
    var usable = (buttons || []).filter(function (button) {
      return button && typeof button.title === "string" && typeof button.payload === "string" &&
        button.payload.charAt(0) === "/";
    });
    if (!usable.length) { return; }
    var group = document.createElement("div");
    group.className = "follow-ups";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", tr("moreAboutThis"));
    usable.forEach(function (button) {
      var element = document.createElement("button");
      element.type = "button";
      element.className = "follow-up";
      element.textContent = button.title;
      element.addEventListener("click", function () { ask(button.payload, button.title); });
      group.appendChild(element);
    });
    entry.appendChild(group);
  }

  function showAnswers(messages) {
    var first = null;
    messages.forEach(function (message) {
      if (!message || typeof message.text !== "string" || !message.text) { return; }
      var entry = addEntry("answer", message.text);
      addButtons(entry, message.buttons);
      if (!first) { first = entry; }
    });
    if (!first) { addEntry("answer", tr("trouble")); }
    (first || log.lastElementChild).scrollIntoView({ block: "start", behavior: "smooth" });
  }

  function ask(message, shownAs) {
    var text = String(message || "").trim();
    if (!text) { return; }
    var sender = conversation;
    var request = new AbortController();
    pending.push(request);
    removeOldFollowUps();
    addEntry("question", shownAs || text).scrollIntoView({ block: "start" });
    statusLine.textContent = tr("looking");
    var timer = window.setTimeout(function () { request.abort(); }, TIMEOUT_MS);
    fetch(WEBHOOK, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: text }),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      signal: request.signal
    }).then(function (response) {
      if (response.status === 429) {
        // Too many messages too fast: the server's polite "please wait" text.
        return response.json().then(function (body) { return [{ text: body && body.text }]; });
      }
      if (response.status === 503) {
        // The assistant cannot answer right now: the server's apology with the phone number.
        return response.json();
      }
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (messages) {
      if (sender !== conversation) { return; }  // the screen was cleared meanwhile
      showAnswers(Array.isArray(messages) ? messages : []);
      lastActivity = Date.now();  // reading time counts from the answer
    }, function () {
      if (sender !== conversation) { return; }
      addEntry("answer", tr("trouble"));
    }).then(function () {
      window.clearTimeout(timer);
      var index = pending.indexOf(request);
      if (index >= 0) { pending.splice(index, 1); }
      if (sender === conversation && !pending.length) { statusLine.textContent = ""; }
    });
  }

  // --- idle reset -----------------------------------------------------------------------
  function showWarning() {
    warningSince = Date.now();
    showSeconds(Math.ceil(WARN_MS / 1000));
    if (!dialog.open) {
      if (typeof dialog.showModal === "function") { dialog.showModal(); } else { dialog.setAttribute("open", ""); }
    }
    document.getElementById("still-here").focus();
  }

  function closeWarning() {
    warningSince = null;
    if (dialog.open) {
      if (typeof dialog.close === "function") { dialog.close(); } else { dialog.removeAttribute("open"); }
    }
  }

  function activity() {
    lastActivity = Date.now();
    if (warningSince !== null) { closeWarning(); }
  }

  function tick() {
    var now = Date.now();
    if (warningSince !== null) {
      var left = WARN_MS - (now - warningSince);
      if (left <= 0) {
        startConversation();
      } else {
        showSeconds(Math.ceil(left / 1000));
      }
    } else if (now - lastActivity >= IDLE_MS) {
      if (isPristine()) {
        lastActivity = now;  // nothing on screen to protect
      } else {
        showWarning();
      }
    }
  }

  // --- wiring ---------------------------------------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll("button.topic"), function (button) {
    button.addEventListener("click", function () {
      ask(button.getAttribute("data-payload"), button.textContent);
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    ask(text);
  });
  document.getElementById("start-over").addEventListener("click", function () {
    startConversation();
    input.blur();
  });
  languageButton.addEventListener("click", function () {
    var lang = language === "es" ? "en" : "es";
    setLanguage(lang);
    ask(SWITCH_WORD[lang]);
  });
  document.getElementById("still-here").addEventListener("click", activity);
  dialog.addEventListener("cancel", function (event) { event.preventDefault(); activity(); });
  ["pointerdown", "keydown", "input", "wheel", "touchstart"].forEach(function (name) {
    document.addEventListener(name, activity, { capture: true, passive: true });
  });
  log.addEventListener("scroll", activity, { passive: true });
  // A long press must not open a menu on a shared touch screen.
  document.addEventListener("contextmenu", function (event) { event.preventDefault(); });

  startConversation();
  window.setInterval(tick, 250);
})();
