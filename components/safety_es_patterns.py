"""The Spanish safety tiers' symptom patterns (read by components/safety_es.py). Pure Python.

Every pattern reads text already folded by `safety_es.fold`: lowercase, no accents (á->a, ñ->n),
no ¿¡, texting shorthand written out ("q"->"que"). Each symptom is one alternation, compiled
once at import. Names are the English module's (components/red_flag_rules.py).
"""

import re

# --- emergency: urgent symptoms happening now --------------------------------------------
_LEGS = r"(piernas?|(?<!de )pies?|patas|pantorrillas?|muslos?|rodillas?|legs?|feet)"
_NUMB = (
    r"(dormid[oa]s?|entumid[oa]s?|entumecid[oa]s?|adormecid[oa]s?|adormid[oa]s?|paraliz\w*|"
    r"muert[oa]s|sin fuerza|sin sensibilidad|debil(es)?|flojas?|como (de )?(gelatina|trapo|"
    r"plomo)|pesad[oa]s|hormigue\w*|numb|no (me |le )?(responden|obedecen|sostienen|aguantan))"
)
_CAN_NOT = (
    r"\bno (puedo|puede|pueden|podia|pude|pudo|he podido|ha podido|logro|logra|consigo|poder)"
)
_PILLS = (
    r"(pastillas?|pildoras?|tabletas?|capsulas?|medicinas?|medicamentos?|dosis|calmantes?|"
    r"analgesicos?|oxicodona|tramadol|hidrocodona|morfina|parches?|pills|meds|percocet|norco|"
    r"oxy\w*|ibuprofeno|paracetamol|acetaminofen|tylenol)"
)
_TOOK = (
    # "tomo" is "tomó", but "¿me tomo todas mis pastillas ...?" asks about taking them, and
    # "tomo ..." opening a sentence (or "yo tomo") is "I take": a habit, not an overdose.
    r"(me tome|se tomo|tome|me trague|se trago|trague|se ha tomado|me he tomado|le di|le dimos|"
    r"le dieron|nos tomamos|se tomaron|ingirio|ingeri|(?<!me )(?<!yo )(?<![.?!,;] )(?<!^)tomo)"
)
SYMPTOMS = {
    "legs": [
        r"<CAN_NOT>\s+(ni\s+)?(sentir|mover|levantar|doblar)\s+(\w+\s+){0,2}<LEGS>\b",
        r"\bno (siento|siente|sentia|sienten|senti|sintio|sienta|sientan|sintiera)\s+(\w+\s+){0,2}"
        r"<LEGS>\b",
        r"\b(no (siento|siente)|sin sensibilidad)\b.{0,30}\b(cintura|cadera|ombligo) (para|pa) abajo\b",
        r"\b<NUMB>\b[^.]{0,40}\b<LEGS>\b",
        r"\b<LEGS>\b[^.]{0,40}\b<NUMB>\b",
        r"\bse (me|le|les) (durmieron|durmio|duermen|entumieron|entumio|adormecieron|doblaron|doblan|"
        r"dobla|aflojaron|paralizaron|paralizo|fueron|van)\s+(\w+\s+){0,2}<LEGS>\b",
        r"\b(perdi|perdio|he perdido|ha perdido|sin|no tengo|no tiene) (la )?(fuerza|sensibilidad|"
        r"sensacion|movilidad) (en|de) (\w+\s+){0,2}<LEGS>\b",
        # "¿es normal que no pueda mover las piernas?", "las piernas, no las muevo desde hace rato".
        r"\bno (pueda|puedan|pudiera|pudieran)\s+(ni\s+)?(sentir|mover|levantar|doblar)\s+(\w+\s+){0,2}"
        r"<LEGS>\b",
        r"\b<LEGS>\b[^.]{0,40}\bno (las|los|la|lo) (puedo |puede |pueda )?(muevo|mueve|siento|siente|"
        r"mover|sentir)(?=\s*($|[,.!?;]|desde|hace|nada|para nada|ya|bien|ni|y|casi))",
    ],
    # Walking or standing: long-standing back pain makes that hard too (not suppressed: numbness).
    "walking": [
        r"<CAN_NOT>\s+(caminar|andar|pararme|pararse|ponerme de pie|ponerse de pie|mantenerme de "
        r"pie|sostenerme|sostenerse)\b|\bno (me|se|le) (puedo|puede|pude|pudo) (parar|poner de pie|"
        r"mantener de pie|sostener)\b",
    ],
    "chest": [
        r"\b(pecho|chest|torax)\b[^.]{0,30}\b(dolor\w*|duel\w*|dolia|dolio|presion|oprim\w*|"
        r"opresion|apret\w*|aprieta|pesad\w*|peso|arde|ardor|quema|punzadas?|piedra|elefante|"
        r"aplast\w*|pain|hurts?)\b",
        r"\b(dolor\w*|duele\w*|duelen|dolia|dolio|presion|opresion|apret\w*|aprieta|pesadez|peso|"
        r"ardor|punzadas?|molestias?|elefante|piedra|aplast\w*|pain)\b[^,.]{0,25}\b(pecho|chest|torax)\b",
        r"\b(infarto|ataque (al|del) corazon|ataque cardiaco|paro cardiaco|heart attack)\b",
        r"\b(me|le) duele el corazon\b(?! de)|\bdolor (en el|de|del) corazon\b",
    ],
    "breathing": [
        r"\b(no|casi no|sin) (puedo |puede |pueden |podia |pudo |pude |logro |logra |consigo |poder )?"
        r"(respir\w*|breathe)\b",
        r"\b(me|le|te|nos|les) (cuesta|costaba|esta costando)( mucho| trabajo| bastante)? respirar\b|"
        r"\b(dificultad\w*|problemas?|trabajo|esfuerzo) (para|al) respirar\b",
        r"\b(me|le|te|nos|les) (falta|faltaba|esta faltando|hace falta)( el| la)? (aire|respiracion|"
        r"aliento)\b|\bfalta de (aire|aliento)\b|\bsin (aire|aliento)\b|\bno (me|le|te) (entra|llega|"
        r"pasa) (el |nada de )?aire\b|\bno (jalo|jala|agarro|agarra|cojo|coge) aire\b",
        r"\b(me|se|le) (estoy |esta )?(ahogo|ahoga|ahogando)\b(?! en (un vaso|papeleo|deudas|trabajo))|"
        r"\bahogando(me|se)\b|\b(sensacion de|un) ahogo\b|\basfixi\w*|\bsofocad[oa]\b|\bjadea\w*|"
        r"\brespir\w* (muy |bien )?(mal|raro|rara|rapido|agitad\w*|con dificultad|entrecortad\w*)\b",
    ],
    "bleeding": [
        r"\bsangr\w*\b[^.]{0,30}\b(?<!no )(?<!ni )(mucho|muchisimo|bastante|demasiado|sin parar|"
        r"a chorros|chorros?|un monton|un chingo|harto|como loco|a mares|por todos lados|"
        r"por todas partes|cada vez mas|a lot)\b",
        r"\bno (para|paro|ha parado|deja|dejo|ha dejado|quiere parar|se (me |le )?(detiene|para|quita|"
        r"corta|paro|corto|detuvo))( de)? (sangrar|el sangrado|la sangre)\b",
        r"\b(sangrado|sangre|sangr\w*)\b[^.]{0,50}\bno (para|paro|se (le |me )?(detiene|para|corta|"
        r"quita)|cesa|deja)\b|\bsangr(a|ando) y sangr(a|ando)\b",
        r"\b(empapad\w*|empapo|empapando|chorre\w*|charco|llen[oa] de|llenando de|lleno de|llen[oa]) "
        r"(\w+ ){0,4}sangre\b|\bsangre\b[^.]{0,20}\b(empap\w*|a chorros|por todos lados|"
        r"por todas partes|everywhere)\b|\bmucha sangre\b|\bsale (y sale|mucha) sangre\b|"
        r"\b(bota|botando|echa|echando) (mucha|un monton de|harta) sangre\b|\bhemorragia\b|"
        r"\bbleeding (a lot|mucho|bastante)\b",
    ],
    "bladder_bowel": [
        r"<CAN_NOT>\s+(aguantar|controlar|retener|contener|detener)\s+(\w+\s+){0,2}(orina|pipi|pis|"
        r"popo|caca|ganas de (orinar|ir al bano|hacer)|esfinteres|vejiga|intestinos?|heces)\b",
        r"\b(perdi|perdio|he perdido|ha perdido|pierdo|pierde|perdiendo|sin|no tengo|no tiene) (el )?"
        r"control (de|en|sobre) (\w+\s+){0,2}(vejiga|esfinteres|orina|intestinos?|heces|pipi|popo)\b",
        r"\b(me|se|le) (hice|hizo|ha hecho|he hecho|esta haciendo|estoy haciendo) (pipi|pis|popo|caca|"
        r"del bano)\b[^.]{0,25}\b(encima|sin (darme|darse|sentir\w*|querer)|en la cama|en (los|el) "
        r"(pantalones?|panal)|y no (lo |la )?(senti|sintio|note|noto))\b|"
        r"\b(me|se) (orine|orino|mee|meo|cague|cago)\b|\bse (me|le) (sale|salio|escapa|escapo) "
        r"(la orina|el pipi|la pipi|el pis|la popo)\b",
        r"<CAN_NOT> (orinar|hacer pipi|mear|hacer pis|hacer del uno)\b|\bincontinen\w*\b",
        # "no me aguanté del baño", "se me salió solo y no lo sentí", "me hice encima".
        r"<CAN_NOT>\s+aguantar(me|se)? (\w+ ){0,2}(del|el|al|para el|hasta el) bano\b|"
        r"\b(me|se|le) (hice|hizo|ha hecho|he hecho|estoy haciendo|esta haciendo) encima\b|"
        r"\b(bano|popo|caca|pipi|pis|orina|heces|panal|aguantar\w*)\b[^.]{0,40}\bse (me|le) "
        r"(sale|salio|salia|escapa|escapo|escapaba|fue) (sol[oa]|todo|sin (querer|darme cuenta|"
        r"darse cuenta|sentir\w*))\b",
    ],
    "fever": [
        r"\b(fiebre|calentura|temperatura)\b[^.]{0,15}\b(muy )?(alta|altisima|fuerte|de caballo|"
        r"elevada)\b|\b(mucha|alta|altisima|fuerte) (fiebre|calentura|temperatura)\b",
        r"\b(fiebre|calentura|temperatura|termometro|temp)\b[^.]{0,20}\b(38[.,][3-9]|39([.,]\d)?|"
        r"4[0-2]([.,]\d)?|10[1-6]([.,]\d)?)\b|\b(38[.,][3-9]|39([.,]\d)?|4[0-2]([.,]\d)?|10[1-6]"
        r"([.,]\d)?)\s*(grados|°|de (fiebre|calentura|temperatura))",
        r"\b(fiebre|calentura|afiebrad\w*|febril)\b[^.]{0,30}\b(escalofrios?|temblor\w*|t(i)?embl\w*|"
        r"tirit\w*|chills)\b|\b(escalofrios?|temblor\w*|t(i)?embl\w*|tirit\w*)\b[^.]{0,30}\b(fiebre|"
        r"calentura)\b|\b(volando|ardiendo|hirviendo) (en|de|con) (fiebre|calentura)\b",
    ],
    "fainting": [
        r"\bdesmay\w*|\bdesvaneci\w*|\bpassed out\b",
        r"\b(perdi|perdio|pierde|pierdo|ha perdido|he perdido|perdiendo) (el )?(conocimiento|sentido|"
        r"conciencia)\b|\binconsciente\b|\bno (responde|reacciona|despierta)\b(?! (el|al|los|mis|a "
        r"mis|las|a))|\bno (lo|la|le) (puedo|podemos|puede) despertar\b|\bse privo\b|\bme prive\b|"
        r"\b(me|le) dio un (yeyo|patatus|soponcio|vahido|desvanecimiento)\b",
        # "se fue de lado ... ya despertó", "volvió en sí", "blanco como papel y sudando".
        r"\b(ya|apenas) (desperto|reacciono|volvio en si)\b|\bvolvio en si\b|\b(blanc[oa]|palid[oa]) "
        r"como (papel|la pared|un papel|una hoja)\b[^.]{0,30}\b(sudando|sudor)\b",
    ],
    "severe_pain": [
        # "no es insoportable pero cada día está peor" is a warning (components/safety_es_warnings.py).
        r"\bdolor\w*\b[^.]{0,20}\b(?<!no es )(?<!no es tan )(?<!no esta )(?<!no era )(?<!ni )(?<!no )"
        r"(insoportable|inaguantable|horrible|terrible|espantoso|atroz|brutal|"
        r"tremendo|intensisimo|muy intenso|fuertisimo|muy fuerte|bien fuerte|demasiado fuerte|"
        r"repentin\w*|subit\w*|de repente|de golpe|como nunca|de muerte|horroroso|severo)\b",
        r"\b(insoportable|inaguantable|horrible|terrible|espantoso|atroz|brutal|tremendo|fuertisimo|"
        r"horroroso|repentino|subito|intenso|severo) dolor\b|\bel peor dolor\b|\b(nunca|jamas) "
        r"(habia|he|me habia|me ha) (sentido|tenido|dolido)\b[^.]{0,20}\b(asi|tanto|igual)\b|"
        r"\bno (aguanto|soporto|resisto) (el|este|del|tanto) dolor\b|\b(me|le) (duele|dolia|esta "
        r"doliendo)\b[^.]{0,20}\b(?<!no es )(?<!no es tan )(?<!ni )(horrible|horrores|muchisimo|demasiado|un chingo|a morir|como nunca|"
        r"insoportable|espantoso|terrible|bien feo|re feo|feisimo|de muerte)\b",
        r"\b(me muero|me estoy muriendo) (de|del) dolor\b|\b(10|diez) de (10|diez)\b|\b(llorando|"
        r"gritando|grito|lloro) (de|del) dolor\b|\bdolor[^.]{0,15}\b(mucho|muchisimo|bastante) peor\b|"
        r"\b(mucho|muchisimo) peor\b[^.]{0,20}\bdolor\b|\bsevere pain\b",
    ],
    "stroke": [
        r"\b(cara|boca|labios?|sonrisa|parpado|cachete|mejilla)\b[^.]{0,25}\b(caid[oa]|chuec[oa]|"
        r"torcid[oa]|ladead[oa]|de lado|colgad[oa]|colgando|paralizad[oa]|desviad[oa]|dormid[oa]|"
        r"entumid[oa]|se (le|me) cae)\b",
        r"\bse (le|me) (cayo|cae|esta cayendo|fue de lado|va de lado|torcio|durmio|paralizo) (la |el |"
        r"media |un |la mitad de la |la mitad de su )?(cara|boca|lado de la cara|labio|mitad de la cara|"
        r"sonrisa|parpado)\b"
        r"(?! de (verguenza|pena))|"
        r"\bmedia cara\b",
        r"\b(brazo|mano)\b[^.]{0,25}\b(debil\w*|dormid[oa]|entumid[oa]|adormecid[oa]|sin fuerza|"
        r"no (le |me )?responde|paralizad[oa]|muert[oa]|no (lo|la) (puede|puedo) (mover|levantar))\b|"
        r"\bno (puedo|puede|pude|pudo) (levantar|mover|alzar|sentir) (el|mi|su|la|los|sus) "
        r"(brazos?|manos?)\b|\bno (puede|puedo|pudo|pude) (sostener|agarrar|aguantar) (la|el|una|un|"
        r"su|mi) (taza|vaso|cuchara|tenedor|telefono|celular)\b",
        r"\b(habla|hablo|hablando|palabras|lengua)\b[^.]{0,20}\b(arrastrad\w*|arrastrando|enredad\w*|"
        r"trabad\w*|rar[oa]|chistoso|extrano|pastos[oa]|al reves|revuelt\w*)\b|\barrastr\w* (las palabras|la lengua)\b|"
        r"\bse (le|me) traba la lengua\b|\bno (le|me) salen las palabras\b|\bno se le entiende\b|"
        r"\bno (puede|puedo|pudo|podia) hablar\b(?! (por|con|contigo|ahora|ahorita|en este|porque|"
        r"mucho|ingles|espanol|al telefono|de eso))",
        r"\b(derrame( cerebral)?|embolia|ictus|accidente cerebro ?vascular|stroke)\b"
        r"(?! (de|del) (cemento|ojo|liquido))",
    ],
    "confusion": [
        r"\b(esta|anda|se puso|se ve|se nota|lo veo|la veo|lo noto|la noto|quedo|amanecio|de repente|"
        r"de pronto)\s+(muy |bien |toda |todo |super |como )?(confundid[oa]|desorientad[oa]|"
        r"desubicad[oa]|ida|ido)\b(?! (con|sobre|acerca|de|por|respecto|en cuanto)\b)",
        r"\bno (me|nos|la|lo|los|le) reconoce\b|\bno (sabe|sabia) (ni )?(donde esta\b(?! (el|la|los|las|mi|"
        r"su))|quien (es|soy|somos)|que dia es|en que (ano|dia|lugar)|como se llama)|"
        r"\b(dice|diciendo|habla|hablando) (puras )?(cosas sin sentido|incoherencias)\b|\bincoherente\b|"
        r"\b(delirando|desvariando|alucinando)\b",
    ],
    "fall": [
        r"\b(me cai|me he caido|se cayo|se ha caido|nos caimos|tropece|tropezo|resbale|resbalo|"
        r"se resbalo|me resbale|me fui al (suelo|piso)|se fue al (suelo|piso)|me desplome|se desplomo|"
        r"fell)\b.{0,100}\b(no (me|se|lo|la|le) (puedo|puede|pude|pudo|podemos|pueden) (levantar|"
        r"parar)|no (puedo|puede|pude|pudo|podemos) (levantarme|levantarse|levantarlo|levantarla|"
        r"pararme|pararse)|(me|se|le) (pegue|pego|golpee|golpeo|lastime|lastimo|rompi|rompio|abri|"
        r"abrio|descalabre|descalabro|torci|torcio|quebre|quebro|fracture|fracturo|parti|partio)|"
        r"(golpe|chichon|herida) en la cabeza|(esta|sigue|quedo) (tirad[oa] )?en el (suelo|piso)|"
        r"sangr\w*|no se levanta|cant get up|hit (my|his|her) head)",
    ],
    "headache": [
        r"\b(peor|el peor) dolor de cabeza\b|\bdolor de cabeza\b[^.]{0,20}\b(muy fuerte|fuertisimo|"
        r"terrible|insoportable|horrible|espantoso|brutal|intens\w*|explosiv\w*|repentin\w*|subit\w*|"
        r"de repente|como nunca|atroz|tremendo)\b|\b(terrible|horrible|fuertisimo|insoportable|"
        r"espantoso|tremendo|brutal|repentino|subito) dolor de cabeza\b|"
        r"\b(me|le) (explota|estalla|revienta) la cabeza\b|\bworst headache\b",
    ],
    "overdose": [
        r"\b<TOOK>\b[^.]{0,20}\b(demasiad[oa]s?|de mas|doble|el doble|todas? (las|mis|sus|el|"
        r"la)(?! (mananas|noches|tardes|dias|semanas|veces que))|un punado|un monton|toda la caja|todo el frasco|el frasco|la caja entera|todo el bote|todo el pastillero|"
        r"el pastillero)\b",
        r"\b<TOOK>\b[^.]{0,10}\b(\d{2,}|[6-9]|seis|siete|ocho|nueve|diez|doce|quince|veinte)\s+"
        r"(\w+ )?<PILLS>\b",
        # "me la tomé dos o tres veces, perdí la cuenta" (not "dos veces al día": a schedule).
        r"\b<TOOK>\b[^.]{0,40}\b(dos o tres|tres o cuatro|varias|muchas|\d o \d) veces\b"
        r"(?! (al|por|a la|cada|diarias))|\b(<TOOK>|<PILLS>)\b[^.]{0,60}\b(perdi|perdio|he perdido|"
        r"ha perdido) (la )?cuenta\b|\b(perdi|perdio) (la )?cuenta de (cuantas|cuantos) (<PILLS>|me tome|"
        r"se tomo|tome)\b|\bno (se|me acuerdo|recuerdo) cuantas (<PILLS> )?(me tome|se "
        r"tomo|tome|le di)\b",
        # "me la tomé dos veces sin querer", "como 8 oxicodonas", pills and eyes that will not open.
        r"\b<TOOK>\b[^.]{0,40}\b(dos|tres|2|3) veces\b[^.]{0,20}\b(sin querer|por (error|"
        r"equivocacion|accidente)|sin dar(me|se) cuenta)\b|\b<TOOK>\b[^.]{0,60}\b(como|unas|unos|"
        r"casi|mas de|hasta) (\d{2,}|[6-9]|seis|siete|ocho|nueve|diez|doce|quince|veinte)\s+"
        r"(\w+ )?<PILLS>\b|\b<PILLS>\b[^.]{0,100}\b(no (puedo|puede) (abrir|mantener abiertos) los "
        r"ojos|no (lo|la|le) (puedo|podemos) despertar|no (me|se) (puedo|puede) mantener despiert[oa])\b",
        r"\bsobredosis\b|\bintoxica(do|da|cion)\b|\b(me|se) pas(e|o) (de|con) (la |las )?(dosis|"
        r"pastillas|medicina)\b|\b(dosis doble|doble dosis)\b|\boverdos\w*|\btook too many\b|"
        r"\b<PILLS> de mas\b|"
        # Taken again because they forgot: "me las tomé tres veces en vez de una", "se me olvidó
        # que ya me la había tomado y me la volví a tomar".
        r"\b<TOOK>\b[^.]{0,40}\b(\d+|dos|tres|cuatro|cinco|varias) veces en (vez|lugar) de una\b|"
        r"\b(olvide|olvido|se me olvido|se le olvido|no me acorde|no se acordo) (de )?que ya\b"
        r"[^.]{0,40}\b(volvi|volvio|volvimos) a (tomar|dar)\b|\b(volvi|volvio) a (tomar|dar)"
        r"(me|se|le)?\b[^.]{0,50}\b(olvide|olvido|se me olvido|se le olvido|no me acorde|no se "
        r"acordo)\b",
    ],
    "other_urgent": [
        r"\b(labios?|cara|dedos|unas|boca|piel)\b[^.]{0,20}\b(morad[oa]s?|azul\w*|gris\w*|blue)\b",
        r"\b(tos\w*|vomit\w*|escup\w*|devolv\w*)\b[^.]{0,15}\bsangre\b|\bsangre en (la orina|el "
        r"vomito|la popo|las heces|el pipi)\b|\b(orina|pipi|popo|heces) con sangre\b|"
        r"\bcafe molido\b",
        r"\bse (me|le) (esta )?(cerrando|cierra|hinchando|hincha) (la garganta|la lengua|los labios)\b|"
        r"\b(garganta|lengua)\b[^.]{0,15}\b(hinchad\w*|cerrad\w*|cerrando|hinchando)\b|"
        r"\bno (puedo|puede) tragar\b",
        r"\b(corazon|pulso)\b[^.]{0,20}\b(acelerad\w*|a mil|muy rapido|rapidisimo|se (me|le) sale|"
        r"desbocad\w*|late (muy )?(rapido|fuerte|raro))\b(?! (de|por) (los )?(nervios|emocion|"
        r"la emocion))|\btaquicardia\b",
        r"\bconvuls\w*|\bataque (epileptico|de epilepsia)\b|\bparalizad[oa]\b",
    ],
    "emergency": [
        r"\bllam\w* (al |a la |una )?(911|ambulancia|paramedicos)\b|\b(necesito|necesitamos|manden|"
        r"mande) (una )?ambulancia\b|\b(es|tengo|tenemos) una emergencia\b|\b(auxilio|socorro)\b",
        # "me muero de ganas", "me muero por saber" are idioms.
        r"\b(me|se|te) (estoy|esta|estas) muriendo\b(?! (de|del|por|con))|"
        # "me duele la espalda que me muero" says how much: "siento que me muero" is a symptom.
        r"(?<!que )\bme muero\b(?! (de|del|por|con|si|cuando|en))|"
        r"\b(siento|creo|pienso) que me (muero|estoy muriendo|voy a morir)\b|"
        r"\bse (me|nos) (muere|esta muriendo)\b(?! de)|\bse muere\b(?! (de|del|por))|"
        r"\bdying\b(?! (to|for))",
    ],
}
# Long-standing back pain, and walking made hard by it, are why people come.
LONG_SUPPRESSED = {"severe_pain", "walking"}

# Shared parts, written <NAME> in the patterns above and filled in once here.
_PARTS = {
    "LEGS": _LEGS,
    "NUMB": _NUMB,
    "CAN_NOT": _CAN_NOT,
    "PILLS": _PILLS,
    "TOOK": _TOOK,
}


def _filled(pattern: str) -> str:
    return re.sub(r"<([A-Z_]+)>", lambda part: _PARTS[part.group(1)], pattern)


SYMPTOMS = {name: [_filled(p) for p in patterns] for name, patterns in SYMPTOMS.items()}
