"""The translator's sign-off list is the texts as they are: regenerate it after changing one."""

import yaml

from scripts import translation_review
from tests.helpers import ROOT


def test_the_review_list_is_up_to_date():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    written = translation_review.OUT.read_text(encoding="utf-8")
    assert written == translation_review.render(domain), (
        "a Spanish or English text changed: run `python scripts/translation_review.py`"
    )


def test_every_spanish_text_is_on_the_list():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    listed = translation_review.render(domain)
    for variations in domain["responses"].values():
        for variation in variations:
            if translation_review.language_of(variation) == "es":
                for text in translation_review.texts_of(variation):
                    assert translation_review.cell(text) in listed


def test_a_changed_text_makes_the_list_stale():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    spanish = next(
        v
        for v in domain["responses"]["utter_recovery"]
        if translation_review.language_of(v) == "es"
    )
    spanish["text"] += " Cambiado."
    assert translation_review.render(domain) != translation_review.OUT.read_text(encoding="utf-8")
