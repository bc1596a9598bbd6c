"""Names shared by the NLU components and the dialogue policy (no Rasa import).

Intent names are the domain's (domain.yml); these are the ones code relies on.
"""
FALLBACK_INTENT = "nlu_fallback"
RED_FLAG_INTENT = "red_flag"          # emergency: 911 first
CRISIS_INTENT = "crisis"              # thoughts of suicide or self-harm: 911 if in danger, 988
WARNING_INTENT = "warning_sign"       # a worrying symptom: the care team's line today
SAFETY_INTENTS = (CRISIS_INTENT, RED_FLAG_INTENT, WARNING_INTENT)

# Parse-data keys the components add to a message.
ORIGINAL_TEXT = "text_original"       # the patient's words, when the normaliser changed them
QUESTIONS = "questions"               # the intents of each question of a message, in order
UNCLEAR_QUESTION = "unclear"          # a question of the message that was not understood
