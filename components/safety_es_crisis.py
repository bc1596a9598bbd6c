"""The Spanish crisis patterns: thoughts of suicide or self-harm (read by components/safety_es.py).

Pure Python, no Rasa. Every pattern reads text already folded by `safety_es.fold` (lowercase, no
accents, texting shorthand written out). Idioms are not crises: "me muero de ganas", "me mato
trabajando", "me quiero morir de la vergüenza".
"""

# "me quiero morir de la vergüenza", "me muero de ganas", "me mato trabajando" are idioms.
_IDIOM_DIE = (
    r"(?! (de|del|por) (la |los |las |lo )?(verguenza|pena|risa|ganas|hambre|sed|sueno|"
    r"aburrimiento|calor|frio|nervios|miedo|envidia|gusto|emocion|cansancio|antojo|"
    r"saber|ver|comer|ir|salir|llegar|irme))"
    # "prefiere morirse antes que dejar de jugar": a way of saying how much they like something.
    r"(?! (antes )?(que|de) (dejar (de|mi|su|sus|mis|el|la|los|las)|renunciar a|perder(me|se)|"
    r"quedar(me|se) sin)\b)"
)
_IDIOM_KILL = (
    r"(?! (trabajando|estudiando|limpiando|haciendo|corriendo|de (risa|hambre|cansancio|"
    r"trabajo)|del? (dolor|susto|coraje|pena|miedo|risa)|a (trabajar|estudiar)|por (un|una|el|la)))"
)
# Nobody would miss them, notice, cry or care.
_MISS = (
    r"((me|lo|la|se|le) )?(\w+ ){0,2}(extran\w*|echar\w* de menos|notar\w*|daria cuenta|dar cuenta|"
    r"llorar\w*|importar\w*|importa)\b"
)
_NOT = r"(?<!no )(?<!no me )(?<!no se )(?<!nunca )"
_CRISIS_PATTERNS = [
    # "Suicidio político" and an English "career suicide" are idioms.
    r"(?<!career )(?<!political )\bsuicid\w*\b(?! (politico|profesional|laboral|squad))|\bauto ?lesi\w*|\bunalive\w*|\bkms\b|\bkys\b|\bkill (my|him|her)self\b|"
    r"\bself[- ]?harm\w*|\bi want to die\b|\bsewerslide\b",
    # Killing oneself: "me voy a matar", "quiero matarme", "se quiere matar".
    r"<NOT>\b(me (quiero|voy a|vo a|pienso|quisiera|queria|iba a|deberia)|se (quiere|va a|"
    r"piensa|queria|iba a|quisiera)) (a )?matar\b<IDIOM_KILL>",
    r"<NOT>\b(quiero|quisiera|queria|voy a|iba a|pienso( en)?|pensando en|pensado en|ganas de|"
    r"deseo|intente|trate de|podria|deberia|a punto de|mejor) (matarme|suicidarme)\b<IDIOM_KILL>",
    r"<NOT>\b(quiere|quisiera|queria|va a|iba a|piensa( en)?|pensando en|pensado en|ganas de|"
    r"desea|intento|trato de|habla de|hablando de|amenaza con|amenazo con) (matarse|suicidarse)\b<IDIOM_KILL>",
    r"\bquitar(me|se|le) la vida\b|\b(me|se|te) (va|voy|vas|quiere|quiero|piensa|pienso) a? ?"
    r"quitar la vida\b|\bcomo (matarme|suicidarme|quitarme la vida)\b|"
    r"\b(seria|estarian|estaria) mejor (para todos |todos )?si (yo )?no (estuviera|existiera)\b|"
    r"\bme (corto|lastimo|hago dano) (para|por) (sentir|no sentir|castigarme)\b|\b(acabar|terminar|acabo|termino) con (mi|su|la) (propia )?vida\b|"
    r"\b(acabar|terminar) con todo\b(?! (lo|el|los|la|las|este|rapido|antes|hoy|eso))",
    # Wanting to die: "me quiero morir", "tengo ganas de morirme", but not "no quiero morir".
    r"<NOT>\b((me|se) )?(quiero|quiere|quisiera|queria|deseo|desea|prefiero|prefiere|ganas de) "
    r"morir(me|se)?\b<IDIOM_DIE>",
    r"\bojala (me muera|me muriera|no despierte|no despertara|no despertar|estuviera muert[oa]|"
    r"me lleve dios|dios me (lleve|recoja))\b|\b(que )?dios me (recoja|lleve)\b|"
    r"\b(quisiera|quiero|prefiero|preferiria|ojala) (estar muert[oa]|no despertar|dormir(me)? y no "
    r"despertar|desaparecer (para siempre|de este mundo|del mundo)|no existir|dejar de existir)\b|"
    r"\b(dormir(me|se)?|acostarme) y (no|nunca|ya no) (volver a )?despertar\b|"
    r"\bno despertar (nunca|jamas|mas)\b|\bdesaparecer para siempre\b",
    # "ojalá ya no me despierte", but "ojalá no me despierte a la mitad" is about the sedation.
    r"\bojala (ya )?no (me )?(despierte|despertara|vuelva a despertar|volviera a despertar)\b"
    r"(?! (a (la )?mitad|durante|en (medio|plena|pleno|el|la)|mientras|antes|hasta|cuando|con|por))",
    # "sería más fácil para todos si yo me muriera", "si me muero nadie me va a extrañar".
    r"\b(seria|sera|es|estarian|estaria|todo seria) (todo )?(mas facil|mejor|mas sencillo|un alivio)"
    r"( para (todos|todo el mundo|los demas|mi familia|mis hijos|ellos|\w+))? si (yo )?(me muriera|"
    r"me muero|no estuviera|no existiera|desapareciera|ya no estuviera|me fuera para siempre)\b"
    r"<IDIOM_DIE>|\bsi (yo )?(me muriera|me muero|me muera|desapareciera|ya no estuviera|no "
    r"estuviera)\b<IDIOM_DIE>[^.?]{0,40}\bnadie <MISS>|\bnadie <MISS>[^.?]{0,30}\bsi (yo )?(me muero|"
    r"me muriera|desapareciera|ya no estuviera|no estuviera)\b<IDIOM_DIE>",
    r"\b(no|ya no|nunca mas) (quiero|quiere|deseo|quisiera) (seguir )?(vivir|viviendo|existir|"
    r"estar en este mundo|seguir en este mundo)\b|\b(sin|no tengo|no tiene) ganas de (vivir|seguir "
    r"viviendo)\b|\b(estaria|estarian|estarias|estara|estaran|vivirian) mejor sin (mi|el|ella)\b|"
    r"\bmejor (muert[oa]|me muero|morir(me)?|que me muera|ya no estar)\b|"
    r"\b(seria|es) mejor (si )?(no estuviera|me muriera|morir(me)?|desaparecer|no existir)\b",
    # No point in living.
    r"\b(no|ya no) (vale|tiene) (la pena|sentido) (vivir|seguir|la vida|seguir viviendo|mi vida)\b|"
    r"\b(la|mi) vida (ya )?no (vale|tiene sentido)\b|\bno (le )?(encuentro|veo|hallo) (ningun |el )?"
    r"sentido (a|en) (la vida|mi vida|vivir|seguir viviendo|seguir vivo|seguir viva|estar viv[oa]|"
    r"seguir aqui|seguir en este mundo)\b|"
    r"\bno (tengo|tiene|hay) (nada|razon|razones|motivo|motivos|por que) (por |para )?(que |lo que )?"
    r"vivir\b|\bpara que (seguir|vivir|sigo viviendo|seguir viviendo)\b|\bnada por (que|lo que) vivir\b|"
    r"\b(cansad[oa]|hart[oa]) de (vivir|la vida|estar viv[oa]|existir)\b|\bme da igual (vivir o "
    r"morir|morir(me)?|si me muero)\b|\b(soy|ser) una carga\b|\bsoy un estorbo\b",
    # Looking up a lethal dose; turning the wheel into a bridge or traffic.
    r"\b(buscando|busque|busco|googl\w*|investigando|investigue|averiguando|averigue) (en internet )?"
    r"cuantas (de mis |de las )?(pastillas|pildoras|tabletas|oxicodonas?|medicinas)\b|"
    r"\bcuantas (de mis |de las )?(pastillas|pildoras|tabletas|oxicodonas?|medicinas)\b[^.]{0,30}"
    r"\bpara (no despertar(me)?|morir(me)?|matarme|quitarme la vida|acabar con todo)\b|\b(girar|gire|voltear|volantear|dar|echar|meter) (un |el )?"
    r"(volante|volantazo)\b[^.]{0,25}\b(puente|pared|arbol|camion|trailer|rio|muro|poste)\b",
    r"\bya no (aguanto|soporto|puedo) mas\s*($|[,.!]|(con )?(esta|mi) vida|vivir)|"
    r"\bno (aguanto|soporto|puedo) mas (con )?(esta|mi) vida\b|\b(ya no puedo|no puedo) (mas )?con "
    r"esta vida\b|\bno (aguanto|puedo) (mas )?vivir asi\b",
    # Hurting oneself.
    r"\b(quiero|quisiera|ganas de|pienso en|pensando en|voy a|deseo|quiere|va a) (lastimarme|"
    r"lastimarse|hacerme dano|hacerse dano|herirme|herirse|cortarme|cortarse)\b|"
    r"\b(me|se) (esta |estoy |he estado |ha estado |sigo |sigue )?cortando\b(?! (el|las|los|la|con))|"
    r"\b(me|se) corto (los brazos|las munecas|las venas|la piel|las piernas)\b|"
    r"\bcortar(me|se) las venas\b|\bme he (vuelto a )?cortar\b|"
    # "me he estado cortando el brazo otra vez" (not "me corté el dedo cocinando").
    r"\b(me|se) (esta |estoy |he estado |ha estado |sigo |sigue |volvi a |volvio a )?"
    r"(cortando|cortar|corto) (el|los|la|las|mis|sus) (brazos?|munecas?|piernas?|muslos?|piel|"
    r"antebrazos?|venas)\b",
    # "me he estado lastimando a propósito", "golpearme para sentir otra cosa".
    r"\b(me|se) (he |ha |han |estoy |esta |he estado |ha estado |sigo |sigue |vuelvo a |volvi a |"
    r"volvio a )?(lastim\w+|golpe\w+|pegando|pego|pegue|quem\w+|cort\w+|rasgun\w+|aran\w+|"
    r"hecho dano|hago dano|hice dano|hizo dano|haciendo dano|hace dano)( (yo|sol[oa]|a mi mism[oa]|"
    r"a si mism[oa]))?( (con|contra) [^.]{0,25})? (a proposito|adrede|queriendo|intencionalmente|con intencion|de proposito)\b|"
    r"\b(lastimar(me|se)|golpear(me|se)|cortar(me|se)|quemar(me|se)|hacer(me|se) dano|me (lastimo|"
    r"golpeo|corto|quemo|hago dano)|se (lastima|golpea|corta|quema|hace dano))\b[^.]{0,30}\b(para|"
    r"por) (sentir|no sentir|dejar de sentir|castigarme|castigarse|no pensar|olvidar|desahogarme|"
    r"desahogarse)\b|\b(pegarme|pegarse|me pego|se pega) (para|por) (sentir|no sentir|castigar)",
    r"\b(tirarme|tirarse|aventarme|aventarse|lanzarme|lanzarse|echarme|arrojarme|botarme|(me|se) "
    r"(voy a|va a|quiero|quiere) (tirar|aventar|lanzar|arrojar))\b[^.]{0,25}\b(puente|edificio|"
    r"balcon|ventana|azotea|techo|tren|metro|carros?|camion|precipicio|barranco|vias|vacio|rio)\b|"
    # "pienso en echar el carro por el puente", "salirme del puente con la camioneta".
    r"\b(echar|tirar|aventar|lanzar|estrellar)\b[^.]{0,25}\b(carro|coche|auto|camioneta|troca)\b"
    r"[^.]{0,25}\b(del|por el|desde el|contra el) (puente|precipicio|barranco)\b|"
    r"\b(salir(me|se)|tirar(me|se)|aventar(me|se)) del puente\b[^.]{0,25}\b(carro|coche|auto|"
    r"camioneta)\b|"
    r"\b(ahorcarme|ahorcarse|colgarme|colgarse|(me|se) (voy a|va a|quiero|quiere) (ahorcar|colgar)|"
    r"una soga)\b",
    # "se va a estrellar contra un árbol", "volví a cortarme, es lo único que me calma".
    r"\b((me|se) (voy a|va a|vo a|quiero|quiere|pienso|piensa|iba a|queria) (estrellar|chocar|"
    r"impactar)|estrellar(me|se)|chocar(me|se))\b[^.?]{0,40}\b(contra (un|una|el|la|los) (arbol\w*|"
    r"pared|poste|muro|barda|camion|trailer|tren|puente|roca)|a proposito|adrede)\b|"
    r"\b((volvi|volvio|he vuelto|ha vuelto|vuelvo|vuelve) a (cortar|lastimar|quemar|golpear)(me|se)|"
    r"(me|se) (volvi|volvio|he vuelto|ha vuelto) a (cortar|lastimar|quemar|golpear))\b(?! (el|la|"
    r"las|un|una|al|mientras|cocinando|pelando|rasurando|afeitando|picando|con (el|un|una|la) "
    r"(cuchillo|papel|vidrio|lata|hoja|plancha|estufa|sarten))\b)(?! (los|mis|sus) (dedos|pelos|"
    r"cabellos|unas)\b)|\b(cortar(me|se)|me corto|se corta|cortandome|lastimar(me|se)|me lastimo|"
    r"quemar(me|se)|me quemo)\b[^.?]{0,40}\blo unico que (me|le) (distrae|calma|alivia|ayuda|quita)\b",
    # "se va a pegar un tiro", "pegarme un balazo", "volarme la cabeza".
    r"\b((pegar|dar|meter|echar)(me|se) un|(me|se) (voy a|va a|quiero|quiere|pienso|piensa|iba a|"
    r"queria|podria|puede|pego|pega|doy|da|di|dio)( a)?( pegar| dar| meter| echar)? un) (tiro|"
    r"balazo|plomazo|disparo|escopetazo)\b<IDIOM_DIE>|\bvolar(me|se) (la cabeza|los sesos|la tapa "
    r"de los sesos)\b|\bdispararme\b|\bdispararse en la cabeza\b",
    # Pills: saved up, all at once, on purpose.
    r"\b(juntando|guardando|ahorrando|acumulando|escondiendo) (\w+ ){0,2}(pastillas|pildoras|"
    r"tabletas|medicinas|calmantes)\b|\b(tomarme|tomarse|tragarme|tragarse|me voy a tomar|se va a "
    r"tomar) (todas (las|mis|sus) (\w+ ){0,2}(juntas|de una vez|de golpe)|el frasco|la caja|el bote|"
    r"un frasco|un monton de)|\btomarmelas todas\b|\btomarselas todas\b",
    r"\b(pastillas|pildoras|medicinas?|dosis|sobredosis|me tome|se tomo)\b[^.]{0,40}\b(a proposito|"
    r"queriendo|adrede|para (morir\w*|(ya )?no (volver a )?despertar(me|se)?|dormir para siempre|"
    r"ya no estar|irme de este mundo|no existir|desaparecer|matarme|matarse|acabar|quitarme la vida"
    r"))\b",
    # Not waking up and not minding it (fear of not waking from the sedation is not a crisis).
    r"\bno (despertar(me)?|volver a despertar(me)?|despierto|despertara|despierte)\b[^.?]{0,60}\b"
    r"(me (daria|da|daba|seria|es) (igual|lo mismo)|no me importaria|seria un alivio|mejor asi|"
    r"tanto mejor)\b|\b(me (daria|da) (igual|lo mismo)|no me importaria)( que| si)? (no despertar|"
    r"no despierto|no volver a despertar|morir(me)?|me muero|me muriera)\b",
    # "no voy a estar aquí para recuperarme, ya lo decidí": a decision not to be alive.
    r"\bno (voy a|va a) (estar|seguir) (aqui|viv[oa]|en este mundo) (para|cuando)\b[^?]{0,60}\b"
    r"(ya lo (decidi|tengo decidido|he decidido)|ya (tome|he tomado) (la|una|mi) decision|lo tengo "
    r"(decidido|planeado))\b|\b(ya lo (decidi|tengo decidido|he decidido)|ya (tome|he tomado) (la|"
    r"una|mi) decision)\b[^?]{0,60}\bno (voy a|va a) (estar|seguir) (aqui|viv[oa]|en este mundo)\b",
    r"\bno quiero (estar|seguir) en este mundo\b|\bno (me|le) importa (si me muero|morir(me)?)\b|"
    r"\bcartas? de despedida\b|\bme quiero ir (al cielo|con (dios|diosito))\b|"
    r"\bquiero irme con (dios|diosito|mi \w+ al cielo)\b",
    # Going to join someone who died, giving belongings away (session 10, es_dev11 read).
    r"\b(quiero|quiere|queria|se quiere|me quiero|ya se quiere|ya me quiero) ir(me|se)? con (mi|su) "
    r"\w+\b[^.?]{0,30}\b(que en paz descanse|q\.?e\.?p\.?d|que dios (lo|la) tenga|que ya (murio|"
    r"fallecio|se fue|no esta)|difunt[oa]|en el cielo)\b|"
    r"\b(regalo|regalando|ha regalado|esta regalando|regalado) (todas |todos )?(sus|mis) (cosas|"
    r"pertenencias|joyas|herramientas)\b",
    # "ya no quiero estar aquí" (not "aquí en el hospital"), "better sin mí" in Spanglish.
    r"\bya no quiero (estar|seguir) aqui\b(?! en (el|este|la|esta) (hospital|cuarto|sala|clinica|"
    r"cama))|\b(better|better off|mejor) sin mi\b(?!\s*\w)",
    # Rather not wake up from the sedation; not being there for the follow-up, plans made.
    r"\b(prefiero|preferiria|quisiera|quiero|ojala)\b[^.?]{0,40}\b(y )?(ya )?no (despertar|"
    r"despertarme|volver a despertar|despierte)\b(?! (durante|a mitad|en medio))|"
    r"\bno (voy|va) a estar\b[^.?]{0,40}\b(para|en) (la|el|mi|su)\b[^?]{0,60}\b(ya hice (mis|los) "
    r"planes|ya lo (decidi|tengo decidido)|ya (tome|tomé) la decision|ya tengo (todo )?planeado)\b",
    # "ya no le veo caso a seguir aquí".
    r"\b(no le veo|no veo|ya no le veo|ya no veo) (el |ningun )?(caso|sentido) (a|de|en) (seguir|vivir|"
    r"estar)( aqui| viv[oa]| viviendo| en este mundo)?(?=\s*($|[.,;!?]|y |pero ))",
]


CRISIS = [
    p.replace("<NOT>", _NOT)
    .replace("<IDIOM_KILL>", _IDIOM_KILL)
    .replace("<IDIOM_DIE>", _IDIOM_DIE)
    .replace("<MISS>", _MISS)
    for p in _CRISIS_PATTERNS
]
