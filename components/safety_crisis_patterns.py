"""The crisis tier's patterns (components/safety_tiers.py reads them): thoughts of suicide or
self-harm, in the words patients and families use, matched on the folded, lower-case text
(components/red_flag_rules.normalise). Idioms are not crises ("I'm dying to know", "kill some
time", "this pain is killing me"). Pure data, no Rasa."""

CRISIS_PATTERNS = (
    # "Career suicide" and "political suicide" are idioms.
    r"(?<!career )(?<!political )(?<!social )\bsuicid\w*\b(?! (prevention|hotline|awareness|lifeline|helpline|squad|politico|profesional|laboral))|\bself[- ]?harm\w*|\bunalive\w*|\bkms\b|\bkys\b",
    # "I'm killing myself trying to get ready" is an idiom.
    r"\b(kill|hurt|harm|cut|cutt|shoot|hang|drown|starv|poison|burn|punch|hit|hitt|scratch)"
    r"(ing|in|e|ed|s|es)?\s+"
    r"(my|him|her|them|your|our)sel(f|ves)\b(?! (trying|working|laughing|to get|over|shaving|cooking|"
    r"gardening|by accident|accidentally|on (a|the) ))",
    r"\b(jump|jumping|throw|throwing) (my ?self |him ?self |her ?self )?(off|in front of) "
    r"(a|the|my)\b",
    # "kill me" only as a wish: "this wait is killing me" is an idiom.
    r"\b(want|wanna|wish|need|please|just) (someone |somebody |god |you )?(to |would |could )?"
    r"kill me\b",
    r"\b(end|ending|take|taking)\s+(it all|(my|his|her|their) (own )?life|things|everything)\b",
    r"\b(dont|do not|doesnt|does not|didnt|no longer|dont even) (want|wanna|wish) (to )?(live|"
    r"be alive|be here|"
    r"wake up|exist|go on|keep going|be around)\b",
    r"(?<!thought i was )(?<!thought he was )(?<!thought she was )(?<!felt like i was )"
    r"\b(want|wanna|wish|hope|ready|going|plan\w*|thinking|think) (about |of )?(just )?(to )?"
    r"(die|dying|be dead|being dead|not wake up|not waking up|never waking up|not be here|"
    r"disappear forever)\b(?! (of|from) (boredom|embarrassment|laughter|laughing|shame|curiosity|"
    r"suspense|fright|old age)| laughing)|\bthink\w* (about|of) jump\w*\b|\b(wont|will not|not going to) be "
    r"(around|here) to (recover|see (it|the results|how)|heal|feel|worry|suffer)\b|\bdisappear (for good|forever)\b|\bwants to die\b",
    r"\bwish i (was|were) dead\b|\bbetter off (dead|without me|if i (was|were) gone)\b",
    r"\b(no|not any|isnt any) (point|reason) (in |to )?(living|going on|carrying on|to live|"
    r"being alive|anymore|in life)\b|\bwhats the point of (living|going on|it all|life)\b",
    r"\b(not|isnt) worth (living|it anymore|going on)\b|\blife (is not|isnt) worth\b",
    r"\bcant (go on|keep going|do this anymore|take it anymore)\b",
    r"\b(saving|stockpil\w*|hoard\w*|collecting) (up )?(my |the |all my )?(\w+ )?(pills|meds|"
    r"medicines?|tablets)\b",
    r"\b(dont|do not|wont) (intend|plan|expect|want) to be (here|around)\b|"
    r"\bnot (be|going to be) (here|around) (much|for) (longer|long)\b",
    r"\b(go to sleep|fall asleep|sleep) and (not|never) wake up\b|\bhope i (dont|do not|never) "
    r"wake up\b|\bwish i (hadnt|had not|didnt) (woken|wake) up\b",
    r"\b(rather|better off) (be )?(dead|die)\b(?! than)|\bnothing (left )?to live for\b|"
    r"\b(tired|sick) of (living|being alive|life)\b|\bdont care if i (die|live)\b",
    r"\b(end|stop) (my|the) suffering (for good|forever|permanently)\b|\bput an end to (it|my "
    r"life|myself)\b|\b(off|end|top) myself\b|\bsewerslide\b|\bslit\w* (my )?wrists?\b",
    r"\b(point|use) (of|in) (going on|living|carrying on)\b|\bnot wak\w* up (tomorrow|again|ever)\b|"
    r"\b(go|be) (be )?with (dad|mom|mum|my husband|my wife|him|her|god|jesus) (in heaven|now|soon)?\b"
    r"(?=.*\b(wants?|want to|going to|keeps saying|ready)\b)|\bgave away (her|his|my|all)\b|"
    r"\b(giving|give|gave) (away )?(her|his|my|all)( \w+)? (things|stuff|belongings)\b|"
    r"\bmy last (night|day)\b|\b(rope|noose)\b|\b(drive|driving|drove|jump\w*)( (my|the|his|her) "
    r"(car|truck))? off (the|a) "
    r"(bridge|road|cliff|building|roof)\b|\b(drive|driving|drove|steer\w*)( (my|the|his|her) "
    r"(car|truck))? off (the|a) \w+ (bridge|cliff)\b|\bways to (go|die|end it)\b|\bhow to (die|end it)\b|"
    r"\bscared of (my ?self|what i might do)\b|\bgoing to end it\b|\bend it\b(?=.{0,20}\bmean\b)|"
    r"\b(pills?|tablets?) (would it take|to (not wake up|die|end it))\b|\bwould it take to (not wake|die)\b|"
    r"\bdisappear\b.{0,40}\bpermanent\w*\b|\bwrote (letters|goodbye)\b|\bi'?m done\b.{0,60}\bgoodbye\b|"
    r"\bnever wok\w* up\b|\bnever wake up\b",
    # Self-harm told by what is done to the body, or why ("just to feel something").
    r"\b(pills|meds|tablets)\b.{0,15}\b(saved|stashed|stockpiled|hoarded)\b|\b(drive|driving|"
    r"crash\w*|steer\w*) (the |my |his |her )?(car |truck )?into (a|the) (tree|wall|pole|truck|"
    r"river|lake|traffic)\b|"
    r"\b(cut|cutting|burn|burning|scratch\w*|carv\w*)\s+((on|at|into)\s+)?(my|his|her)\s+(arms?|"
    r"wrists?|legs?|thighs?|skin)\b(?! (on|against) (a|the|some)\b| (by accident|accidentally|"
    r"while|shaving|cooking|gardening))|\b(started|been|back to|keep|keeps) cutting (again|my ?self|"
    r"him ?self|her ?self)\b|\b(cut|cutting|burn\w*|hurt\w*|hit\w*)\b.{0,40}\bto feel (something|"
    r"anything|in control|better)\b",
    # Wishing to be taken, not waking up, a goodbye, a weapon at hand, a decision.
    r"\b(wish|wishes|wished|want|wants|pray|prays|praying|hope|hopes) (that )?(god|the lord|"
    r"jesus|someone) (would |will |to |could )?(just )?(take|call) (me|her|him)\b|"
    r"\b(if i|that i) (\w+ )?(did not|didnt|would not|wouldnt|never|dont|do not) wake up\b|"
    r"\btell (\w+ ){1,3}(i|that i) love (her|him|them|you)\b|\bi am done\b.{0,60}\b(love|"
    r"goodbye|bye)\b|\b(gun|pistol|rifle|shotgun)\b.{0,20}\b(out|loaded|to (my|his|her) "
    r"head|in (his|her|my) hand)\b|\b(decided|going|want|wanna|planning|plan|ready) to end "
    r"it\b|\bdont think (i will|ill|id|i would) (be|still be|make it) (around|here|alive)\b",
    r"\b(im|i am|i feel like) (just )?a burden\b|\bburden (to|on) (everyone|my family|them)\b|"
    r"\b(tired|sick) of being (a|such a) burden\b",
    # Looking up a lethal dose, turning the wheel into a bridge or traffic.
    r"\b(look\w* up|googl\w*|search\w*|research\w*|figur\w* out|work\w* out) how many (of )?"
    r"(my |his |her |the |these )?(\w+ )?(pills|tablets|meds|oxy\w*|painkillers)\b|"
    r"\b(turn\w*|jerk\w*|yank\w*|swerv\w*|steer\w*) (the )?(steering )?wheel (in)?to(ward)? "
    r"(a|the|an) (\w+ )?(bridge|wall|tree|truck|pole|traffic|river|oncoming)\b|"
    r"\bswerv\w* into (a|the|an) (\w+ )?(bridge|wall|tree|truck|pole|traffic|river|oncoming)\b",
    r"\b(take|swallow|taking|swallowing) (all|the whole bottle|a bottle|the rest) (of )?(my |the )?"
    r"(\w+ )?(pills|tablets|meds)\b",
    r"\b(pills?|tablets?|meds|medicines?|overdos\w*|od)\b.{0,30}\bon purpose\b|"
    r"\b(would like|wanna|want) to die\b|\b(had|have had|have) enough of (it all|all of it|life|"
    r"living)\b|\bcant take it (no more|any ?more)\b|"
    r"\bgive up on (life|living)\b",
    # Everyone better off without them, wanting to stop existing (session 10, dev9 read).
    r"\b(better off|happier|be better) if i (wasnt|werent|was not|were not|was no longer|"
    r"were no longer) (here|around|alive)\b|\b(better off|happier) if i (was|were) (gone|dead)\b|"
    r"\bnot (to )?exist (anymore|any more)\b|"
    # ...unless what stops existing is the pain ("does the pain just stop existing after?").
    r"^(?!.*\b(pain|ache|it|that|this)\b.{0,25}\b(stop|cease) (existing|to exist)).*"
    r"\b(stop|cease) (existing|to exist)\b",
    # Not around much longer by their own doing, nobody would miss them, sleep forever.
    r"\bi (wont|will not|am not going to) be (here|around) (much |for (much )?)?(longer|long)\b|"
    r"\b(no one|nobody|noone) (would|will|is going to|is gonna) (even )?(miss|notice|care about) "
    r"me\b|\b(go to |fall )?sleep forever\b|"
    # Spanglish: "everybody would be better sin mí".
    r"\b(would|will|d) be better (off )?(sin m[ií]|without me)\b",
    # Session 10 (dev12 read): not sticking around, rather not wake up, plans made, a burden to
    # the family, the bridge on the way.
    r"\b(dont|do not) think (i will|i'?ll|i would|i'?d) (stick|be) around\b|\bi (wont|will not) stick "
    r"around\b|\b(rather|prefer to|want to|wanna|would like to)\b.{0,40}\b(just )?(not|never) "
    r"wake up\b(?! (during|in the middle|halfway|while|before it|till it))|\b(wont|will not|not going to) "
    r"be (around|here)\b.{0,60}\b(made (my|the) plans|"
    r"(have|ve) decided|made up my mind|my mind is made up)\b|\b(my (family|kids|children|wife|"
    r"husband)|everyone|everybody) (would|will|d) be better off\b|\b(keep |been )?think\w* about "
    r"(the|that) bridge\b",
    # Session 10 (dev13 read): no point sticking around, pills put aside, nails dug in till it
    # bleeds, no plan to be here, rather swallow every pill, not waking up would not be so bad.
    r"\b(point|reason|use) (of|in|to) (sticking|staying|being|hanging) around\b|\b(putting|put|"
    r"setting|set) aside (\w+ ){0,5}(pills|meds|tablets)\b|\bsquirrel\w* away (\w+ ){0,3}(pills|"
    r"meds)\b|\b(dig\w*|scratch\w*|claw\w*) (my |his |her )?(nails |fingernails )?into (my|his|her) "
    r"(arms?|skin|legs?|hands?)\b|\btill it bleeds\b|\b(dont|do not) plan on being (here|around|"
    r"alive)\b|\b(rather|prefer to)\b.{0,20}\b(swallow|take) (every|all the|all (my|his|her)) "
    r"pills?\b|\bthan (live|go on|keep living) like this\b|\b(dont|do not|not|never) wake up\b.{0,60}"
    r"\b(wouldnt|would not) be (the worst|so bad|a bad thing|such a bad)\b",
)
