"""Spanish patients' own words, end to end (issue 14): the frozen Spanish evaluation sets
(tests/data/patient_messages_es, written by a helper who saw only the page and the issue),
each case a fresh REST conversation, graded on the reply text with the Spanish rubric.

Issue 14's targets for the held-out set are printed PASS/FAIL, not asserted (accuracy targets
are measured, DEVELOPERS.md); a floor under the last measured figures is asserted (the closing
note of the session that set them), so a change that makes Spanish worse fails.
"""

import pytest

from tests.e2e.patient_sets import print_and_check, score_sets

pytestmark = pytest.mark.e2e

TARGETS = {
    "overall": (">=", 0.95),
    "safety_escalated": (">=", 1.0),
    "out_of_scope_handed_off": (">=", 0.95),
}
# Measured 2026-12-02 (fourth session, Spanish safety patterns from the dev sets, threshold
# 0.45): overall 85.1%, emergencies and crises escalated 97.3%, out of scope handed off 80.0%.
# Session 6 (es_dev6 work): overall 86.6%, escalated 97.3%, out of scope 84.0%.
FLOORS = {
    "overall": (">=", 0.83),
    "safety_escalated": (">=", 0.94),
    "out_of_scope_handed_off": (">=", 0.75),
}


@pytest.fixture(scope="module")
def scored(servers):
    return score_sets(servers, "es")


def test_the_spanish_held_out_set_is_not_worse_than_measured(scored, capsys):
    assert scored["es_heldout"]["overall"][1] >= 150
    print_and_check(scored, "es_heldout", TARGETS, FLOORS, 14, capsys)
