import pytest

from actions.contact import call_button, phone_number, tel_uri


def test_phone_number_comes_from_the_slot(make_tracker, phone):
    assert phone_number(make_tracker()) == phone == "847.570.2160"


def test_phone_number_falls_back_to_the_domain_default(make_tracker, domain):
    tracker = make_tracker(slots={"phone": None})
    assert phone_number(tracker, domain) == "847.570.2160"


def test_phone_number_missing_everywhere_is_an_error(make_tracker):
    with pytest.raises(ValueError):
        phone_number(make_tracker(slots={"phone": None}), {})


def test_tel_uri_is_e164():
    assert tel_uri("847.570.2160") == "tel:+18475702160"
    assert tel_uri("+1 (847) 570-2160") == "tel:+18475702160"


def test_tel_uri_rejects_a_short_number():
    with pytest.raises(ValueError):
        tel_uri("570.2160")


def test_call_button_dials_the_line():
    button = call_button("847.570.2160")
    assert button["url"] == button["payload"] == "tel:+18475702160"
    assert "847.570.2160" in button["title"]
