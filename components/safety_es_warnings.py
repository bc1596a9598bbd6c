"""The Spanish warning patterns: worrying but not 911, the care team's line (read by
components/safety_es.py). Pure Python, no Rasa.

Every pattern reads text already folded by `safety_es.fold`. WARNINGS count whenever they are
reported now; WARNINGS_AFTER (pain, feeling unwell) only with a sign that the procedure is
behind them (`safety_es_context.AFTER`): pain is also why people come.
"""

import re

_SITE = (
    r"(herida|heridita|incision|insicion|pinchazo|piquete|piquetito|puncion|cortad(it)?a|"
    r"curita|curacion|venda|vendaje|vendita|gasa|aposito|parche<DRUG>|tirita|puntos|puntadas?|"
    r"cicatriz|hoyito|agujerito|donde (me|le|te|nos|les) (pincharon|picaron|metieron|pusieron|"
    r"inyectaron|entraron|hicieron|puyaron)|donde (entro|metieron|pusieron) la aguja|(sitio|zona|"
    r"area|lugar|parte|punto|marca) (de la|del|donde) (aguja|puncion|pinchazo|inyeccion|piquete|"
    r"procedimiento|me|le|entro|metieron|pusieron|pincharon))"
)
# A patch that is a medicine ("parche de fentanilo para el dolor") is not the dressing.
_DRUG = (
    r"(?! (de|con) (fentanilo|lidocaina|nicotina|morfina|buprenorfina|estrogen\w*|hormon\w*|"
    r"anticonceptiv\w*|escopolamina|nitroglicerina|capsaicina|rivastigmina))"
    r"(?! (para|pal|contra)( el)? dolor)"
)
_SIGN = (
    r"(roj[oa]s?|rojiz[oa]|enrojecid[oa]|enrojecimiento|colorad[oa]|hinchad[oa]|hinchazon|"
    r"inflamad[oa]|inflamacion|caliente|calientit[oa]|supur\w*|pus|liquido|humed[oa]|mojad[oa]|"
    r"escurr\w*|sangr\w*|manch\w*|amarill\w*|verde\w*|verdos[oa]|mal olor|huele|apesta|morad[oa]|moreton\w*|"
    r"hematoma|bolit\w*|bult\w*|chipote|dur[oa]|infectad[oa]|infeccion|comezon|pica|picazon|arde|"
    r"ardor|duele|(?<!para el )(?<!pal )(?<!contra el )dolor|dolorid[oa]|sensible|abiert[oa]|se abrio|costra|secrecion|sale algo)"
)
# A fever that is not a high one (high fevers, fevers with chills are emergencies); the needle
# spot red, swollen, warm, leaking or bruised.
WARNINGS = [
    r"\b(fiebre\w*|febricula|calentura\w*|febril|afiebrad[oa]|destemplad[oa])\b|"
    r"\b(temperatura|temp|termometro)\b[^.]{0,20}\b(37[.,][5-9]|38([.,][0-2])?|99|100([.,]\d)?)\b|"
    r"\b38\s*(grados|de (fiebre|calentura|temperatura))\b|"
    r"\b(37[.,][5-9]|38([.,][0-2])?|99([.,]\d)?|100([.,]\d)?)\s*(grados |°\s*)?(de )?(temperatura|"
    r"calentura)\b|\b(tengo|tiene|tienes|con) (un poco de |"
    r"algo de |poquita )?(temperatura|fever)\b",
    r"\b<SITE>\b[^.]{0,40}\b<SIGN>\b|\b<SIGN>\b[^.]{0,40}\b<SITE>\b",
    r"\b(tengo|tiene|me salio|le salio|salio|se (me|le) (hizo|formo)|hay|note|noto|veo)\b[^.]{0,20}"
    r"\b(moreton\w*|hematoma|bolita|bultito|bulto|chipote|hinchazon|ronchas?|sarpullido)\b",
]
# Pain and feeling unwell are also why people come and what they ask about beforehand: these
# need a sign that the procedure is behind them.
WARNINGS_AFTER = [
    # Pain that is not getting better.
    r"\b(dolor|duele|molestia)\w*\b[^.]{0,40}\b(no (se )?(me |le )?(quita|mejora|baja|cede|va|"
    r"afloja|disminuye|calma|pasa)|no se (me |le )?ha (quitado|ido|pasado|calmado)|no ha "
    r"(mejorado|bajado|cedido|disminuido)|sigue igual|"
    r"igual que antes|peor|empeor\w*|mas fuerte|no se va)\b|\bno se (me|le) (quita|va|pasa|calma) "
    r"el dolor\b|\b(sigo|sigue|continuo|continua) (con (el |mucho )?dolor|doliendo|igual|con "
    r"molestias)\b|\b(me|le) sigue doliendo\b|\bcada vez (me duele )?(mas|peor)\b|\bempeor\w*\b|"
    r"\bno (mejoro|mejora|he mejorado|ha mejorado)\b|\b(mas|peor) (dolor )?que antes\b|"
    r"\bno me (hace|hacen) (efecto|nada)\b",
    # Still hurting days later ("ya van 3 días y todavía me duele"), the same pain as before,
    # worse day by day; not "todavía me duele un poquito pero estoy mejor".
    r"\b(todavia|aun) (me |le )?(duele|duelen|duela|duelan|molesta|molesten|sigue doliendo|"
    r"siga doliendo|tengo (mucho |el )?dolor|tiene (mucho |el )?dolor|siento (mucho |el )?dolor)\b"
    r"(?![^.]{0,40}\b(mejor|menos|poquito|poquitito|un poco|casi nada)\b)|"
    r"\b(sigo|sigue|continuo|continua) con (el|la) (mismo|misma) (dolor|molestia)\b|"
    r"\b(el )?mismo dolor (de|que) antes\b|\bcada dia (esta |me duele |le duele |es |se pone )?"
    r"(un poco |algo |un poquito )?(mas fuerte|peor)\b",
    # New pain, or pain that came back.
    r"\b(dolor|molestia)\w* (nuev[oa]|diferente|distint[oa]|rar[oa])\b|\b(nuev[oa]|otro|otra) "
    r"(dolor|molestia)\b|\b(volvio|regreso|ha vuelto|vuelve|regresa) (a doler|el dolor|la molestia|"
    r"a molestar)\b|\bel dolor (volvio|regreso|ha vuelto|vuelve|regresa)\b|\b(empezo|empece|"
    r"comenzo) a (doler|molestar)(me|le)?\b|\bme duele (mas|otra vez|de nuevo)\b",
    # Pain that was not there before: "y eso es nuevo", "antes no me dolía".
    r"\b(dolor|duele|duelen|molest\w*)\b[^.]{0,40}\b(eso|esto|es algo|algo) (es )?nuevo\b|"
    r"\bantes no (me |le )?(dolia|dolian|molestaba|tenia (ese |este )?dolor)\b|"
    r"\bno (me |le )?(dolia|dolian|molestaba) antes\b|\b(dolor|molestia)\b[^.]{0,30}\bque no "
    r"(tenia|habia tenido|habia sentido|sentia)( antes)?\b|\bnunca (me |le )?habia dolido\b",
    # Feeling unwell: sick, dizzy, a rash, a headache, sweats, chills.
    r"\b(nausea\w*|vomit\w*|devolvi|guacare\w*|mare[oa]\w*|sarpullido|ronchas?|salpullido|"
    r"urticaria|comezon|dolor de cabeza|jaqueca|migrana|sudando|sudor\w*|escalofrio\w*|"
    r"cuerpo cortado|sin apetito|muy cansad[oa]|debilidad|diarrea)\b|\bme siento (mal|rar[oa]|debil|"
    r"enferm[oa]|cansad[oa]|decaid[oa]|fatal)\b(?! (por|de) (molestar|preguntar|llamar))",
]


_PARTS = {"SITE": _SITE.replace("<DRUG>", _DRUG), "SIGN": _SIGN}


def _filled(pattern: str) -> str:
    return re.sub(r"<([A-Z_]+)>", lambda part: _PARTS[part.group(1)], pattern)


WARNINGS = [_filled(p) for p in WARNINGS]
WARNINGS_AFTER = [_filled(p) for p in WARNINGS_AFTER]
