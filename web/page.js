/* The demo page's own texts in the widget's language (window.AssistantWidget, widget.js):
 * elements with data-i18n="key" get TEXT.es[key] in Spanish and their original English back
 * in English; <html lang> and the document title follow. Text only (textContent), no markup.
 * The hospital's real page has its own Spanish version: this file is for the demo page. */
(function () {
  "use strict";

  // Drafted by the translator helper (/work/es-staging/interface_es.yml): NOT YET REVIEWED by a
  // qualified medical translator (docs/translation-review.md).
  var ES = {
    title: "Vertebroplastia – Radiología Intervencionista (página de demostración)",
    skip: "Ir al contenido principal",
    banner: "Página de demostración del asistente para pacientes. No es la página web del hospital.",
    siteName: "Radiología Intervencionista",
    heading: "Vertebroplastia",
    lead: "La vertebroplastia trata el dolor de espalda causado por un hueso roto en la " +
      "columna. El médico pone cemento para huesos en el hueso roto a través de un pequeño corte.",
    askHeading: "¿Tiene preguntas antes de su visita?",
    askBefore: "Use el",
    askButton: "botón del chat",
    askAfter: "en la esquina de abajo a la derecha de esta página. Responde preguntas " +
      "comunes: cómo prepararse, qué pasa durante el procedimiento y qué esperar después.",
    notAPerson: "El chat es un asistente de computadora, no una persona. No puede dar " +
      "consejos médicos.",
    callHeading: "Hablar con una persona",
    callBefore: "Para programar o cambiar su cita, o para hablar con una persona, por favor " +
      "llame al",
    emergency: "En una emergencia, llame al 911 o vaya a la sala de emergencias más cercana."
  };

  var api = window.AssistantWidget;
  if (!api) { return; }
  var nodes = Array.prototype.slice.call(document.querySelectorAll("[data-i18n]"));
  var english = { title: document.title };
  nodes.forEach(function (node) { english[node.getAttribute("data-i18n")] = node.textContent; });

  function apply(lang) {
    var text = lang === "es" ? ES : english;
    document.documentElement.lang = lang;
    if (document.title !== text.title) { document.title = text.title; }
    nodes.forEach(function (node) {
      var value = text[node.getAttribute("data-i18n")];
      if (typeof value === "string" && node.textContent !== value) { node.textContent = value; }
    });
  }

  document.addEventListener("assistant-language", function (event) {
    apply(event.detail && event.detail.language === "es" ? "es" : "en");
  });
  apply(api.language());
})();
