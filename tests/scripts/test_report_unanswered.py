from scripts.report_unanswered import normal, redact, report, unanswered


def test_redacts_identifiers_as_the_tracker_store_does():
    assert redact("call me at 847 555 0123 or jo@example.com") == "call me at [PHONE] or [EMAIL]"
    assert redact("my dob is 03/04/1941") == "my dob is [DATE]"
    assert redact("this is Ann Lee, is it 2 to 4 hours?") == "this is [NAME], is it 2 to 4 hours?"
    assert redact("i take 2 pills") == "i take 2 pills"


def test_masks_digits_the_redaction_left():
    assert redact("room 12-34") == "room [number]"


def test_what_counts_as_unanswered():
    assert unanswered("nlu_fallback", 0.9) == "nlu_fallback"
    assert unanswered("out_of_scope", 0.99) == "out_of_scope"
    assert unanswered("ask_recovery", 0.3) == "low confidence"
    assert unanswered("ask_recovery", 0.9) is None


def test_groups_counts_and_sorts_newest_first():
    rows = [
        (100.0, "How much does it cost?", "out_of_scope", 0.9),
        (200.0, "how much  does it cost?", "out_of_scope", 0.8),
        (150.0, "blorp", "nlu_fallback", 0.7),
        (300.0, "how long is recovery", "ask_recovery", 0.95),
        (250.0, "   ", "nlu_fallback", 1.0),
    ]
    groups = report(rows)
    assert [(g["text"], g["count"], g["last"]) for g in groups] == [
        ("how much does it cost?", 2, 200.0),
        ("blorp", 1, 150.0),
    ]


def test_normal_folds_case_and_space():
    assert normal("  Hello   THERE ") == "hello there"
