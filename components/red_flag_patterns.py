"""The emergency tier's patterns (components/red_flag_rules.py reads them): how patients' spelling
is folded before matching, and the urgent symptoms, one list of regular expressions per kind
(matched on the folded, lower-case text). Pure data, no Rasa."""

# Spelling and shorthand patients use, folded before matching.
FOLD = [
    (r"[\u2018\u2019`´]", "'"),
    (r"\bcan ?not\b|\bcant\b|\bcan t\b|\bcnt\b|\bcan'?t\b", "cant"),
    (r"\bwon'?t\b|\bwont\b", "wont"),
    (r"\bdon'?t\b|\bdont\b", "dont"),
    (r"\b(does|did|is|are|was|were|has|have|had|could|would|should)n'?t\b", r"\1nt"),
    (r"\bi'?m\b|\bim\b", "i am"),
    (r"\bu\b", "you"),
    # Texting: "evry1 wud be better off w/o me".
    (r"\bw/o\b", "without"),
    (r"\bevery ?1\b|\bevry ?1\b|\beveryone\b", "everyone"),
    (r"\bwud\b", "would"),
    (r"\bpls\b|\bplz\b", "please"),
    # Texting abbreviations of time ("10 yrs ago", "2 wks ago"), so a story's past reads as past.
    (r"\byrs\b", "years"),
    (r"\byr\b", "year"),
    (r"\bwks\b", "weeks"),
    (r"\bwk\b", "week"),
    (r"\bmos\b|\bmnths\b", "months"),
    (r"\bfeal\b|\bfeell?\b", "feel"),
    (r"\bbreath(e|ing)?\b|\bbreth(e|ing)?\b|\bbrea?th\w*\b", "breathe"),
    (r"\blegg?s\b|\blgs\b", "legs"),
    (r"\bnumm?b?\b|\bnumbb\b", "numb"),
    (r"\bbleed\w*\b|\bbleding\b|\bbledding\b", "bleeding"),
    (r"\bfeaver\b|\bfevr\b|\bfever\w*\b", "fever"),
    (r"\bchestt?\b|\bchst\b|\bbreast ?bone\b|\bsternum\b", "chest"),
    (
        r"\bpassed\s+out\b|\bpass(ing)?\s+out\b|\bblack(ed|ing)?\s+out\b|\bfaint\w*\b|\bfanted\b|"
        r"\bkeel(ed|s|ing)? over\b",
        "fainted",
    ),
]


SYMPTOMS = {
    "legs": [
        # Not "I can't walk far" or "can't stand for long": a limit they live with.
        r"\b(cant|unable to|not able to|no longer|hard to)\s+(feel|move|lift|walk|stand)\b"
        r"(?! (far|much|long|very far|for (long|more|very)|without|more than|as (far|long)|up|"
        r"stairs|the stairs|well|properly|long enough|at (the|a)\b))",
        # "Dead on my feet" is tiredness.
        r"\b(numb\w*|tingl\w*|weak\w*|paraly\w*|dead(?! on \w+ feet)|no feeling|lost feeling|gave out|giving out|"
        r"heavy|wont move|pins and needles)\b.{0,40}\b(legs?|feet|foot|toes|thighs?)\b",
        r"\b(legs?|feet)\b.{0,40}\b(wont|cant|dont) (hold|support|carry) (me|him|her|them)\b",
        r"\b(legs?|feet|foot|toes|thighs?)\b.{0,40}\b(numb\w*|tingl\w*|weak\w*|paraly\w*|dead|"
        r"no feeling|gave out|giving out|wont move|cant move|buckl\w*|collaps\w*|wont (take|hold) "
        r"(my|his|her) weight|folds? under|gives? way|gave way)\b",
        r"\b(numb\w*|tingl\w*|pins and needles|no feeling)\b.{0,20}\bfrom (the|my|his|her) (hips?|"
        r"waist|belly button) down\b",
    ],
    "chest": [
        r"\bchest\b.{0,30}\b(pain\w*|hurt\w*|pressure|tight\w*|squeez\w*|ach\w*|heavy|crush\w*|"
        r"elephant|weight|sitting on)\b",
        r"\b(pain\w*|hurt\w*|pressure|tight\w*|squeez\w*|ach\w*)\b.{0,30}\bchest\b",
        r"\bheart attack\b|\b(elephant|weight|something heavy)\b.{0,30}\bchest\b",
        # Told without "chest": something heavy sitting on them, pain going into the jaw.
        r"\b(elephant|truck|something heavy|a (ton of )?bricks?|a weight)\b.{0,15}\b(sitting|sat|parked|"
        r"pressing|on top) (on|of)? ?(me|my|him|her)\b|\b(spread\w*|going|goes|moving|radiat\w*|"
        r"shoot\w*) (up )?(in)?to (my|his|her|the) (jaw|left arm)\b",
    ],
    "breathing": [
        r"\b(cant|trouble|hard|difficult\w*|struggl\w*|hard time|problems?|unable to|not)\s+"
        r"(to\s+|with\s+|getting\s+|catch\w*\s+)?(my\s+|a\s+|his\s+|her\s+)?breathe\b",
        r"\bcant (get|catch) (enough )?(air|a breathe)\b|\bno air\b|\bair hungry\b|"
        r"\bbetween (each )?breathe\b",
        r"\bshort(ness)? of breathe\b|\bbreathless\b|\bgasp\w*\b|\bchok\w*\b(?! up)|\bsuffocat\w*\b|"
        r"\bwheez\w*\b|\bbreathe\w*\s+(is\s+)?(hard|difficult|weird|shallow)\b",
        # Out of air while talking: "stopping for air between words", "cant finish a sentence".
        r"\bgulp\w* (for )?air\b|\bstop and (gulp|gasp)\b|"
        r"\bbreathe\w* (feels? |is |seems )?(so |very |really )?(slow|shallow)\b|"
        r"\bstop\w* (for|to (catch|get)( my| his| her| a)?) (air|breathe)\b|\b(out of|run\w* out of) "
        r"(breathe|air)\b|\bcant finish (a |my |his |her )?sentences?\b",
    ],
    "bleeding": [
        r"\bbleeding\b.{0,40}\b(wont stop|not stop\w*|doesnt stop|keeps?|a lot|alot|lots|heav\w*|bad\w*|"
        r"cant (make it |get it to )?stop|"
        r"everywhere|soak\w*|through|pouring|gush\w*|so much|wont quit|non ?stop|non-stop)\b",
        r"\b(heav\w*|bad|lots of|a lot of|so much|nonstop|non-stop|uncontroll\w*|wont stop)\s+"
        r"(\w+\s+)?(bleeding|blood)\b",
        r"\bblood\b.{0,60}\b(everywhere|soak\w*|pouring|gush\w*|wont stop|through|will not stop)\b|"
        r"\bblood keeps? (coming|pouring|running|dripping)\b|\bsoak\w* through (\w+ )?(towels?|"
        r"bandages?|dressings?|gauze|sheets?)\b|\btowel after towel\b|\bsoaked (red|through|with "
        r"blood)\b",
        r"\b(soak\w*|pouring|gush\w*)\b.{0,30}\bblood\b",
    ],
    "bladder_bowel": [
        r"\b(lost|losing|lose|no|cant)\s+(\w+\s+)?control\s+(of|over)\s+(\w+\s+)?"
        r"(bladder|bowels?|pee|urine|poop)\b",
        r"\b(wet|peed|pissed|soiled|pooped|messed)\s+(my|him|her|them)sel(f|ves)\b|"
        r"\b(wet|peed|pissed|soiled|pooped|messed|dirtied)\s+(my|his|her|the)\s+(pants|bed|"
        r"underwear|diaper|trousers)\b",
        r"\bcant\s+(hold|control|stop)\s+(\w+\s+)?(pee|urine|bladder|bowels?|poop)\b",
        r"\b(cant|havent been able to|have not been able to|unable to|not able to)\s+(pee|urinate)\b|"
        r"\bincontinen\w*\b",
        r"\b(bladder|bowels?)\b.{0,20}\b(let go|gave out|control)\b",
    ],
    "fever": [
        r"\b(high|bad|big|very high|spiking|raging)\s+(\w+\s+)?fever\b",
        r"\bfever\b.{0,25}\b(10[1-9]|39(\.\d)?|4[0-2])\b|\b(10[1-9]|4[0-2])(\.\d)?\s*(degrees?|f\b|°)",
        r"\bfever\b.{0,30}\b(chills|shaking|shivering|rigou?rs)\b|\b(chills|shaking|rigou?rs)\b.{0,30}"
        r"\bfever\b|\b(39(\.\d)?|4[0-2](\.\d)?|10[1-9](\.\d)?)\b.{0,20}\brigou?rs\b",
        r"\b(temp\w*|thermometer)\b.{0,20}\b(10[1-9]|39(\.\d)?|4[0-2](\.\d)?)\b",
        r"\bteeth\b.{0,10}\bchatter\w*\b",
        r"\bburning up\b",
    ],
    "fainting": [
        r"\bfainted\b|\b(everything|it all|my vision|vision|the room) (goes|went|going|turns|"
        r"turned|turning) (black|dark|grey|gray)\b|\b(gone|went|keep going|keeps going) down\b"
        r".{0,30}\b(twice|again|times)\b",
        r"\b(unconscious|unresponsive|collapsed|wont wake|not waking|not responding)\b|"
        r"\b(waking|woke|woken) up on the (floor|ground)\b|\bhow long (i|he|she) was out\b",
    ],
    "severe_pain": [
        # A stab or a blow out of nowhere, told without the word "pain".
        r"\b(knife|stab\w*|gunshot|lightning|bat|hammer)\b.{0,40}\b(out of nowhere|out of the blue|all of "
        r"a sudden|suddenly)\b|\b(out of nowhere|out of the blue|all of a sudden|suddenly)\b.{0,40}"
        r"\b(knife|stab\w*|gunshot|lightning)\b",
        r"\b(sudden|suddenly|severe|unbearable|worst|excruciating|terrible|extreme|horrible|"
        r"agoniz\w*|intense|sharp new|new sharp)\b.{0,25}\bpain\b",
        r"\bpain\b.{0,25}\b(unbearable|excruciating|severe|worst|extreme|agoniz\w*|intense)\b",
        r"\bpain\b.{0,30}\b(much worse|way worse|times worse|out of nowhere|out of the blue)\b",
    ],
    "other_urgent": [
        r"\b(lips?|face|fingers?) (are |is |turning |turned |going )?(blue|grey|gray)\b|"
        r"\b(lips?|fingers?)\b.{0,20}\b(blue|grey|gray)\b|\bbreathe\w* (really |very |so )?(fast|"
        r"rapid\w*|quick\w*)\b",
        r"\b(coughing|vomiting|throwing) up blood\b|\bblood in (my|his|her) (vomit|pee|urine)\b|"
        r"\bcoffee grounds?\b",
        r"\b(throat|tongue|lips?) (is |are )?(swelling|swollen|closing)\b",
        r"\b(heart|pulse) (is )?(racing|pounding|beating (really )?fast)\b",
        r"\bcant (stay awake|wake (him|her|them) up|swallow)\b|\bhard to wake( up)?\b|"
        r"\bwont wake( up)?\b",
        r"\b(paralyzed|paralysed)\b",
    ],
    "emergency": [
        # "Emergency" as a report ("this is an emergency", "emergency!!"), not as a word of
        # "emergency room nurse", "emergency contact", "not an emergency", "an emergency plan".
        r"\b(call(ing)? 911|need an ambulance|ambulance)\b|\bseizure\b(?! disorder)|\b(this is|thats|that is|its|"
        r"it is|having|have|we have|there is|theres|medical) (an |a )?(medical )?emergency\b|"
        r"^\W*emergency\b|\bemergency\W*$|\bemergency\b.{0,20}\bhelp\b|\bhelp\b.{0,20}\bemergency\b",
        # A stroke now, not "since his stroke" (a relative they care for) or "after my stroke".
        r"(?<!since his )(?<!since her )(?<!since my )(?<!after his )(?<!after her )"
        r"(?<!after my )\bstroke\b(?! of (luck|genius|fortune|midnight))",
        # "I'm dying to know..." and "dying for a coffee" are idioms, not emergencies.
        r"(?<!of )(?<!with )(?<!about )\bdying\b(?! (to|for) )",
    ],
    # Signs of a stroke: a drooping face, a weak or numb arm, slurred speech.
    "stroke": [
        r"\b(face|mouth|smile)\b.{0,30}\b(droop\w*|lopsided|uneven|sagg\w*|numb|crooked)\b",
        r"\b(droop\w*|lopsided|crooked)\b.{0,20}\b(face|mouth|smile|eye)\b",
        r"\b(arm|hand)\b.{0,30}\b(weak\w*|numb\w*|limp|dead|heavy|cant (lift|raise|move))\b",
        r"\bcant (lift|raise|move) (my|his|her) (arm|hand)\b",
        r"\b(slurr\w*|garbled)\b|\bcant (talk|speak|get (my|the|his|her) words out)\b|"
        r"\b(words|speech)\b.{0,20}\b(wrong|funny|strange|jumbled|mixed up|mushed|mushy)\b",
        # Told in other words: "his face looks funny on one side", "she is talking weird".
        r"\b(face|mouth|smile)\b.{0,30}\b(funny|weird|wrong|off|different|fallen)\b.{0,20}"
        r"\bone side\b|\bone side of (my|his|her|the) (face|mouth|body)\b",
        r"\b(talking|talks|speaking|sounds)\b.{0,10}\b(weird|funny|strange|drunk|garbled|"
        r"like (he|she|i) (is|am) drunk|nonsense|gibberish)\b",
    ],
    # Sudden confusion: not knowing where one is, not making sense.
    "confusion": [
        r"\b(is|seems|got|gets|getting|became|become|suddenly|acting|very|really|so)\s+"
        r"(very |really |so |all |suddenly )?(confused|disoriented|disorientated)\b"
        r"(?! (about|by|with|as to|on|regarding|over)\b)",
        r"\b(doesnt|does not|dont|didnt) (know|recogni[sz]e) (where|who|me|us|what)\b"
        r"(?! (to|time|day to|the|we|you|i should|i need|they|your))",
        # "She is all mixed up tonight", not "gets mixed up easily" (dementia, a habit).
        r"\b(is|seems|suddenly|became|acting) (all |very |really |so |suddenly )?(mixed up|muddled)\b"
        r"(?! (about|by|with|on|over|easy|easily|sometimes|at times)\b)",
        r"\bnot making (any )?sense\b|\bmaking no sense\b|\b(doesnt|does not|didnt|did not|cant) "
        r"recogni[sz]e (her|his|my|their|our) own\b",
    ],
    # A fall with an injury, or someone who cannot get up.
    "fall": [
        r"(?<!havent )(?<!hasnt )(?<!never )(?<!not )"
        r"\b(fell|fallen|fall|tripped|slipped|took a (tumble|spill)|tumbled)\b.{0,150}\b(cant get up|"
        r"hit (my|his|her) head|(heard|felt) a (crack|snap|pop)|cant (put|bear) (any )?weight|"
        r"bleeding|broke|broken|hurt|injur\w*|wont get up|on the floor|(bent|twisted|pointing) (the )?"
        r"wrong( way)?|swell\w*|swollen|deformed|out of place)\b",
        r"\b(cant get up|cannot get up)\b.{0,40}\b(floor|fell|fall|ground)\b",
        r"\b(on|off) the floor\b.{0,30}\bcant get up\b",
    ],
    "headache": [
        r"\bworst headache\b|\b(sudden|severe|terrible|thunderclap|exploding)\s+headache\b",
        # "a splitting headache, the worst I have had", "my head is pounding like never before".
        r"\b(headache|head)\b.{0,40}\b(the worst|worst (i|one|of my|ever)|like never before|"
        r"never (had|felt) (one |anything )?like|in (a few )?seconds|out of nowhere|exploding)\b",
        # "like someone hit the back of my head with a hammer out of nowhere", a stiff neck with
        # light hurting the eyes.
        r"\b(skull|back of (my|his|her) head)\b.{0,40}\b(out of nowhere|suddenly|all of a sudden)\b|"
        r"\b(bat|hammer|brick)\b.{0,30}\b(head|skull)\b.{0,40}\b(out of nowhere|suddenly)\b|"
        r"\b(light|lights) (hurts?|hurting) (my|his|her) eyes\b",
    ],
    # Too many pills, taken by mistake or not.
    "overdose": [
        r"\b(took|taken|swallowed|had|take)\b.{0,25}\b(too many|too much|double|extra|"
        r"a handful of|a whole handful of|all (my|of my|the|his|her))\b.{0,25}\b(pills?|tablets?|meds|"
        r"medicines?|medication|doses?|oxy\w*|painkillers?)\b",
        r"\boverdos\w*\b(?! (of|on) (coffee|caffeine|sugar|chocolate|tv|netflix|sun|work))|\bo\.?d\.?\s?(ed|d)\b",
        # Twice the dose ("took my pain pills twice by mistake"); one dose taken by mistake
        # (a blood thinner that should have been stopped) is a question for the team.
        r"\b(took|taken|swallowed|had)\b.{0,40}\b(twice|two times|double|two doses)\b|"
        r"\b(accidentally|mistakenly) (took|taken|swallowed|had) (too many|extra|double|twice|"
        r"two|three|\d+)\b|"
        r"\b(whole|entire|all) (days?|weeks?)('?s)? (worth|supply)\b|\b(\d+|two|three|four|five) "
        r"times the (dose|amount)\b|\btook (them|it|his|her|my) (pills |meds )?(all )?again\b|"
        # A doubled dose ("doubled his blood thinner this morning by accident").
        r"\bdoubled (up )?(on )?(my|his|her|the|their) (\w+ ){0,3}(dose|doses|pills?|meds|medicines?|"
        r"medication|tablets?)\b|\bdoubled up on\b|"
        # All the patches at once, a dozen or more tablets, a week's organizer at once.
        r"\b(all|the whole \w+ of) (my |his |her )?(\w+ )?patch(es)?\b.{0,30}\b(at once|all on|on at)\b|"
        r"\b(stuck|put) (on )?(all|every one of) (my |his |her )?(\w+ )?patch(es)?\b|"
        r"\b(took|taken|swallowed|had)\b.{0,20}\b(1[0-9]|[2-9][0-9]|a dozen|fifteen|twenty|thirty)\b"
        r".{0,30}\b(pills?|tablets?|tylenol|advil|aleve|ibuprofen|oxy\w*|meds)\b|"
        r"\b(took|taken|swallowed)\b.{0,30}\b(whole|entire) (week|weeks|day|days|month)\b.{0,40}"
        r"\b(at once|all at once|pills?|organi[sz]er)\b",
        # Taken again because they forgot ("took my pills three times instead of once", "forgot
        # I had already taken it and took another").
        r"\b(took|taken|swallowed|had|gave (him|her))\b.{0,40}\b(\d+|two|three|four|five|several) "
        r"times (instead of|rather than|not)\b|\bforgot (that )?(i|he|she|we) (had )?(already )?"
        r"(took|taken|had|given)\b.{0,40}\b(took|take|taken|had|gave|give) (it|them|another|more|"
        r"some more|a second|an extra|again)\b|\b(took|taken|had|gave (him|her)) (another|a second|"
        r"more|an extra)\b.{0,50}\bforg[oe]t\b",
    ],
}
