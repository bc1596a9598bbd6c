"""Names the code relies on, in one place (no imports at all).

Intent, slot and response names are the domain's (domain.yml); these are the ones code uses.
tests/test_names.py checks each against domain.yml, config.yml and the channels.
"""

# --- intents ------------------------------------------------------------------------------
FALLBACK_INTENT = "nlu_fallback"  # Rasa's FallbackClassifier's intent (config.yml)
OUT_OF_SCOPE_INTENT = "out_of_scope"
RED_FLAG_INTENT = "red_flag"  # emergency: 911 first
CRISIS_INTENT = "crisis"  # thoughts of suicide or self-harm: 911 if in danger, 988
WARNING_INTENT = "warning_sign"  # a worrying symptom: the care team's line today
SAFETY_INTENTS = (CRISIS_INTENT, RED_FLAG_INTENT, WARNING_INTENT)
# The safety tiers (components/safety_tiers.py) and the intent each one raises.
CRISIS, EMERGENCY, WARNING = "crisis", "emergency", "warning"
TIER_INTENTS = {CRISIS: CRISIS_INTENT, EMERGENCY: RED_FLAG_INTENT, WARNING: WARNING_INTENT}
# The key of the parse data's intent that says a safety tier's patterns read it (not the
# classifier alone, nor a doubt about a message nobody understood): components/red_flags.py
# sets it, components/safety_follow_up_policy.py reads it.
SAFETY_TIER_KEY = "safety_tier"
UNANSWERED_INTENTS = (FALLBACK_INTENT, OUT_OF_SCOPE_INTENT)  # what `make report` lists

# --- slots --------------------------------------------------------------------------------
PHONE_SLOT = "phone"  # the scheduling line: its initial_value is the one home
LANGUAGE_SLOT = "language"  # the conversation's language: "en" or "es"
LANGUAGE_ENTITY = "language"  # set by components/language_detector.py; fills the slot

# --- output channel names (what Rasa's response variations and the actions see) ----------
REST_CHANNEL = "rest"
KIOSK_CHANNEL = "kiosk"
SMS_CHANNEL = "sms"
SOCKETIO_CHANNEL = "socketio"  # the website widget (Rasa's socket.io channel's name)
CMDLINE_CHANNEL = "cmdline"  # `make shell`
COLLECTOR_CHANNEL = "collector"  # Rasa's REST output channel, when not ours
CHANNELS = (
    REST_CHANNEL,
    KIOSK_CHANNEL,
    SMS_CHANNEL,
    SOCKETIO_CHANNEL,
    CMDLINE_CHANNEL,
    COLLECTOR_CHANNEL,
)
TAP_TO_CALL_CHANNELS = (SOCKETIO_CHANNEL, REST_CHANNEL)  # screens where a tel: link works

# --- parse-data keys the NLU components add to a message ---------------------------------
ORIGINAL_TEXT = "text_original"  # the patient's words, when the normaliser changed them
ANSWER_PLAN_POLICY = "components.answer_plan_policy.AnswerPlanPolicy"  # its name in config.yml
QUESTIONS = "questions"  # the intents of each question of a message, in order
UNCLEAR_QUESTION = "unclear"  # a question of the message that was not understood
# The ranking of the clearest part of a message that reads as a safety intent as a whole, for
# the red-flag detector when it overrules a look-alike (components/intent_classifier.py).
QUESTION_READING = "question_reading"
MESSAGE_LANGUAGE = "language"  # this message's likeliest language and its confidence
