"""When a Spanish symptom counts (read by components/safety_es.py). Pure Python, no Rasa.

Negations ("no tengo fiebre"), the sentence a symptom is in, whether it is happening now, the
past of a story, a near miss, a joke, a question about what may come, a symptom that is over,
long-standing back pain, a sign that the procedure is behind them. All read folded text
(`safety_es.fold`) and are compiled once at import.
"""

import re
from typing import FrozenSet, Optional, Tuple

# --- negation: "no tengo fiebre", "sin dolor", "no me duele el pecho" -----------------------
# Removed before the symptoms are read. "no puedo respirar", "no siento las piernas" and
# "no para de sangrar" are symptoms, so only having, feeling and hurting are negated. "antes no
# me dolía" and "no me dolía antes" are kept: they say that a pain is new.
NEGATED = re.compile(
    r"(?<!antes )\b(no|ni|sin|nunca|tampoco|cero|nada de)\s+((me|le|te|se|les|nos)\s+)?((he|ha|han|hemos|"
    r"habia|has|hubo)\s+)?((duele|duelen|dolido|dolio|dolia|arde|sangra|sangrado|sangro|sangraba|"
    r"molesta|quema)\b|((tengo|tiene|tienes|tenemos|tienen|tenido|tenia|tuve|tuvo|hay|habido|siento|"
    r"sentido|siente|sentia|noto|nota|notado|veo|ve|visto|presento|presenta|dado|dio|da)\s+)?"
    r"((ni\s+)?(nada de|ningun|ninguna|un poco de|poca|poco|mucha|mucho|el|la|los|las|algo de)\s+)?"
    r"(fiebre|calentura|temperatura|dolor\w*|molestias?|escalofrios|sangrado|sangre|pus|hinchazon|"
    r"mareos?|nauseas?|vomitos?|enrojecimiento|problemas?|infeccion)\b)(?! antes\b)"
)

# --- is it happening now? ---------------------------------------------------------------
SENTENCE_END = re.compile(r"(?:(?<!\d)\.|\.(?!\d)|[!?;\n])+")
# Something going on now (or since the procedure). "si tengo fiebre..." is not.
NOW = re.compile(
    r"\b(ahora|ahorita|ya mismo|en este momento|en estos momentos|de repente|derrepente|de pronto|"
    r"de golpe|repentinamente|desde (hace|anoche|ayer|esta|que|el|la|hoy|temprano|las \d+)|hoy|"
    r"esta manana|esta tarde|esta noche|anoche|hace (un rato|rato|poco|unos minutos|\d+ (minutos|"
    r"horas|hrs|min))|todavia|aun|sigue|sigo|empezo|empece|comenzo|acabo de|acaba de|ayuda\w*|"
    r"ayud(e|a)me|auxilio|socorro|urgente|rapido|911|ambulancia|al tiro|siento que|(?<!si )estoy|"
    r"(?<!si )tengo(?! que| miedo| duda| una (duda|pregunta)| pregunta)|(?<!si )tiene(?! que)|"
    r"(?<!si )(me|le|les) (duele|duelen|esta|estan|sale)|(mi|su) \w+ (esta|tiene|no puede)|"
    r"se (me|le) (durmieron|durmio|entumieron|doblaron|fue|paralizaron)|no para|no deja|"
    r"no se (detiene|quita))\b"
)
# "todavía me duele" in a question about what may come ("¿y si todavía me duele?") is not now.
STILL = re.compile(r"\b(todavia|aun)\b( (me|le|les|se))?( \w+)?")
# With the past of a story, a near miss or a joke, only a clear sign of now counts.
STRICT_NOW = re.compile(
    # "ahorita está bien" says it is over.
    r"\b((ahorita|ahora mismo|ya mismo|en este momento)(?! (ya )?(esta|estoy|anda|ando|se siente|me "
    r"siento|se ve) (bien|mejor|tranquil\w*|estable))|otra vez|de nuevo|de repente|de golpe|"
    r"ayuda\w*|auxilio|socorro|"
    # 911 called before ("el año pasado llamamos al 911") is the story's past, not now.
    r"urgente|(?<!llamamos al )(?<!llame al )(?<!llamo al )(?<!llamaron al )(?<!llamar al )911|"
    r"ambulancia|al tiro|sigue (con|igual|sangrando|sin)|no para|no deja de|"
    r"ahora (me|le|no|tengo|tiene))\b"
)
# A near miss, a habit, a fear or a joke: "casi me desmayo", but "casi no puedo respirar" is now.
NOT_NOW = re.compile(
    r"\b(casi(?! no)(?! (todo|toda|todos|todas|la mitad|el frasco|la caja|un frasco|una caja))|por poco|siempre que|cada vez que|cada que|normalmente|usualmente|"
    r"por lo general|(?<!al )(?<!el )suelo|suele|a veces|de vez en cuando|ja(ja)+\w*|je(je)+\w*|jsj\w*|lol|xd|"
    r"broma|bromeando|miedo (a|de)|me da (miedo|panico)|panico (a|de)|temor|temo|me preocupa|"
    r"preocupad[oa]s? (de|por|que)|me asusta|cuando (estoy|me pongo|ando) nervios[oa]|"
    r"(con|de) solo (ver|pensar)|cuando veo|al ver|de (la )?(pura )?emocion|"
    # A habit since childhood: "me desmayo de ver sangre cuando me sacan laboratorios, siempre
    # me pasa desde chiquita".
    r"siempre me (pasa|desmayo|mareo|pongo)|me pasa siempre|siempre (se )?(me|le|les) \w+|"
    r"siempre ha sido asi|nada nuevo|todas las (mananas|noches|tardes)|todos los dias|"
    r"desde (chiquit[ao]|nin[ao]|"
    r"pequen[ao]|joven)|de ver (la )?sangre|cuando me (sacan|ponen|pican|inyectan))\b|"
    r"[\U0001F602\U0001F605\U0001F923]"
)
STORY_PAST = re.compile(
    r"\bhace (\w+ ){0,2}(anos|ano|meses|mes|decadas)\b|\b(el|la) (ano|mes|semana) pasad[oa]\b|"
    r"\ben (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre|(el (ano )?)?\d{4})\b|\bde (nin[oa]|joven|chic[oa])\b|\b(historial|antecedentes?) de\b|"
    r"\bcuando (era|tenia)\b|\ben el pasado\b|\bsolia\b|\bla ultima vez\b|\bhace tiempo\b|"
    r"\ben (mi|su) (otra|anterior|primera) (operacion|cirugia)\b|"
    # "cuido a mi papá desde su derrame": a past event someone lives with, not one happening now.
    r"\bdesde (su|mi) (derrame|embolia|ictus|infarto)\b|"
    # Someone else's story: "mi vecina dice que en su operación sangró mucho".
    r"\b(mi|una|la|el) (vecin[oa]|amig[oa]|compadre|comadre|companer[oa]|conocid[oa]|cunad[oa]|"
    r"prim[oa]) (me )?(dice|dijo|conto|cuenta|conto que|platico)\b"
)
# A question about what may come, a risk or a general question.
AHEAD = re.compile(
    r"\b(va a|van a|voy a|vas a|vamos a|podria|podrian|puede que|(?<!no )pueda|(?<!no )puedan|que pasa si|"
    r"que hago si|que hago en caso|y si|en caso de|por si|(?<!no )puede (pasar|causar|dar|provocar|"
    r"haber|sangrar|doler|salir|quedar|afectar|ser)|(?<!como )si (me|le|te|se|no|llego|llega|tengo|tiene|tuviera|"
    r"hay|hubiera|sale|empieza|aparece|da|dan|sube|siento|siente|noto|veo|mi|su|la|el|despues|"
    r"luego|durante)|cuando (me|le) (den|de|salga|pase|quiten|hagan)|despues de que|tendre|tendra|"
    r"tendria|podre|podra|dolera|doleran|doleria|sangrara|sentire|sentira|estare|estara|pasara|"
    r"habra|sera|seria|quedare|quedara|quedaria|pondra|saldra|notare|afectara|aparecera)\b"
)
RISK = re.compile(
    r"\b(riesgos?|efectos? secundarios?|complicacion\w*|posibilidad|probabilidad|es posible|"
    r"(?<!no )se puede (tener|quedar|dar|presentar|sentir|pasar|complicar)|es peligroso|peligro de|(sintomas|senales|signos) de alarma|cuales son|"
    r"es (normal|comun|usual|tipico) (tener|sentir|que (haya|de|den|uno|se|duela|sangre|salga))|"
    r"se lo digo|le digo al (doctor|medico)|decirle al (doctor|medico)|tengo que avisar)\b"
)
# "hay un poco de líquido en la gasa, ¿es normal?": something seen, then asked about.
SEEN_ASKED = re.compile(r",\s*(y )?(es|sera|esta) (normal|grave|malo|bien)\s*$")
# Who the sentence is about: a question about nobody in particular asks, it does not report.
PERSONAL = re.compile(
    r"\b(me|mi|mis|le|les|su|sus|yo|tengo|tiene|tienen|estoy|esta|estan|siento|siente|ahora|"
    r"ahorita|ya|no (puedo|puede|pude|pudo|pueda)|mama|papa|es normal que (la|el|mi|me|le|su)|mami|papi|espos[oa]|marido|senora|hij[oa]|abuel[oa]|suegr[oa]|ti[oa])\b|"
    + SEEN_ASKED.pattern
)
# An urgent symptom that is over: said with the past, it goes to the care team.
RESOLVED = re.compile(
    r"\bya (no (me |le )?(duele|arde|sangra|molesta)|se (me |le )?(paso|quito|fue|calmo|detuvo|paro|"
    r"corto|controlo|bajo)|(estoy|esta|me siento|se siente) (bien|mejor)|paso|dejo de)\b|"
    r"\bpero ya no\b(?! (puedo|puede|siento|siente|me|le))|\bahora (estoy|esta) bien\b"
)
PAST_TENSE = re.compile(
    r"\b(ayer|anoche|antier|anteayer|hace un rato|hace rato|esta manana|en la manana|en la noche|"
    r"el otro dia|hace (\w+ )?(horas?|dias?)|tuve|tuvo|tenia|dolia|dolio|dolian|sentia|senti|sintio|"
    r"podia|pude|pudo|costaba|costo|faltaba|falto|sangraba|sangro|estaba|estuve|estuvo|paso|me dio|"
    r"le dio|desmaye|desmayo|me cai|se cayo|hubo|habia)\b"
)
# Long-standing pain (the reason for the procedure) unless something about it is new or sudden.
LONG_STANDING = re.compile(
    r"\b(desde hace|hace|por|llevo|lleva|tengo|tiene|durante|ya van|mas de) (\w+ ){0,2}(meses|anos|"
    r"semanas)\b|\bcronic\w*\b|\bdesde (la|mi|su) (caida|fractura|accidente|lesion)\b|"
    r"\b(esto|el procedimiento|la vertebroplastia|la operacion)\b[^.]{0,15}\b(ayuda|ayudara|me va a "
    r"ayudar|sirve|servira|quitara)\b|\b(me|le) (esta )?mata(ndo)?\b|\bpor eso\b"
)
ACUTE = re.compile(
    r"\b(de repente|derrepente|de pronto|de golpe|repentin\w*|subit\w*|nuev[oa]|mucho peor|"
    r"muchisimo peor|desde (el|la) (procedimiento|vertebroplastia|operacion|cirugia)|despues (del|"
    r"de la) (procedimiento|vertebroplastia|operacion|cirugia)|desde que me (operaron|hicieron))\b"
)


# A sign that the procedure is behind them: pain is also why people come.
AFTER = re.compile(
    r"\b(desde|despues|luego) (el|la|del|de la|de mi|de su|que me|que le|que) (procedimiento|"
    r"vertebroplastia|operacion|cirugia|intervencion|inyeccion|cemento|sedacion|anestesia|alta|"
    r"hicieron|operaron|dieron de alta|llegue|llego|volvi|volvio|sali|salio|regrese|regreso)|"
    r"\b(llegar|llegue|llego|llegamos|volvi|volvio|regrese|regreso) a (la )?casa\b|\bde alta\b|"
    r"\b(ya )?me (hicieron|operaron|pusieron el cemento)\b|\bhace (\d+|un|una|dos|tres|cuatro|"
    r"cinco|seis|unos|unas|pocos|pocas|varios) (dias?|horas?|semanas?)\b|\b(ayer|anoche|antier|"
    r"anteayer|hoy|esta manana|esta noche|esta tarde)\b|\b(ya )?(pasaron|paso|ha pasado|han pasado|van|llevo|lleva|son) "
    r"(\d+|un|una|dos|tres|cuatro|cinco|seis|unos|unas|varios) (dias?|semanas?)\b|\ba los (\d+|"
    r"dos|tres|cuatro|cinco|pocos) dias\b|\bpost ?(operatorio|op)\b|\bdesde entonces\b|"
    r"\bque antes (del|de la) (procedimiento|vertebroplastia|operacion)\b|"
    r"\b(no|nunca) (me )?(tenia|sentia|habia tenido|habia sentido|dolia|molestaba)( \w+)? antes "
    r"(del|de la) (procedimiento|vertebroplastia|operacion|cirugia)\b|"
    r"\bdespues de (\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|diez|unos|unas|varios|varias) "
    r"(dias?|semanas?) de (sentirme|"
    r"sentirse|estar|andar) (\w+ )?(bien|mejor)\b|"
    r"\b(me|le|les|nos) (hicieron|realizaron) (el|la|mi|su) (procedimiento|vertebroplastia|"
    r"operacion|cirugia|intervencion)\b|\b(lo|la|los|las) operaron\b|\b(\d+|un|una|dos|tres|"
    r"cuatro|cinco|seis|siete|unos|unas|varios|varias|pocos|pocas) (dias?|semanas?) despues\b|"
    r"\bya (es|estamos en) el (otro|siguiente) dia\b|\b(me|le|nos) dijeron que (iba|iria|ibamos) a "
    r"(sentir|tener|notar) (alivio|mejoria)\b|\ben (vez|lugar) de (mejorar|bajar|aliviarse|quitarse)\b"
)
GENERAL_QUESTION = re.compile(
    r"\b(es|sera) (normal|comun|usual|tipico|de esperar) (tener|sentir|que (haya|salga|salgan|duela|"
    r"duelan|de|den|se|uno|sangre|quede))\b|\b(la gente|los pacientes|la mayoria|todo el mundo) "
    r"(suele|suelen|tiene|tienen|siente|sienten|normalmente)\b|\b(sintomas|senales|signos) de alarma\b|"
    r"\bque (debo|tengo que) vigilar\b|"
    # "a mi prima le pasó, ¿a todos les pasa?": someone else's story and a general question.
    r"\ba (todos|todo el mundo|la mayoria|cualquiera) (les|le|nos) (pasa|sucede|ocurre|da)\b|"
    r"\b(les|le) (pasa|sucede|ocurre) a (todos|todo el mundo|la mayoria|cualquiera)\b"
)
# "¿puedo mojar la herida?", "¿cuándo me quitan la venda?": asking, not reporting.
ASKS_ABOUT = re.compile(
    r"^\s*(puedo|se puede|debo|deberia|tengo que|hay que|necesito|cuando|cuanto|cuantos|cuantas|"
    r"como|que|cual|cuales|donde|por que|hay|me pueden|pueden|quien|a que)\b"
)


# --- speed: the words a pattern cannot match without ---------------------------------------
# Most messages have none of a symptom's words; `in` finds that far faster than the regex.
# Read from the compiled pattern itself (no list kept by hand): every match contains one of
# the strings. When that cannot be told, None, and the pattern always runs.
try:
    from re import _constants as _sre  # Python 3.11+
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse


def _needed(items) -> Optional[FrozenSet[str]]:
    best = None

    def keep(found):
        nonlocal best
        if found and all(found) and (best is None or _score(found) > _score(best)):
            best = frozenset(found)

    run = ""
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        keep({run})  # anything else ends a run of letters
        run = ""
        if op is _sre.SUBPATTERN:
            keep(_needed(av[-1]))
        elif op is _sre.BRANCH:
            branches = [_needed(branch) for branch in av[1]]
            if all(branches):
                keep(frozenset().union(*branches))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            keep(_needed(av[2]))
    keep({run})
    return best


def _score(found: FrozenSet[str]) -> Tuple[int, int]:
    return min(len(s) for s in found), -len(found)


def needed(pattern: "re.Pattern[str]") -> Optional[Tuple[str, ...]]:
    """Strings one of which is in every match of `pattern` (None: it must always run)."""
    try:
        found = _needed(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an internal module changed: run every pattern, as before
        return None
    return tuple(sorted(found)) if found and _score(found)[0] >= 2 else None


def may_match(words: Optional[Tuple[str, ...]], text: str) -> bool:
    return words is None or any(word in text for word in words)
