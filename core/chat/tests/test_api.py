import base64
from datetime import timedelta

import pytest

from core.chat.models import ChatMessage

from .conftest import CHAT, client_for, send
from .factories import ChatMessageFactory

XSS = '<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">hi</a>'


def test_a_message_is_stored_and_answered_with_its_public_shape(two_circles):
    response = send(two_circles["ana"], "Hello circle!")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "username", "avatar_url", "text", "created_at", "hidden"}
    assert (body["username"], body["text"], body["hidden"]) == ("ana", "Hello circle!", False)
    stored = ChatMessage.objects.get()
    assert (stored.pk, stored.circle, stored.week_start) == (body["id"], two_circles["one"], two_circles["one"].week_start)


def test_history_is_newest_first_and_holds_the_same_payload(two_circles):
    first = send(two_circles["ana"], "first").json()
    second = send(two_circles["ben"], "second").json()
    body = client_for(two_circles["ana"]).get(CHAT).json()
    assert body["messages"] == [second, first]
    assert (body["next_cursor"], body["status"], body["muted_until"], body["max_length"]) == (None, "open", None, 500)


def test_html_and_script_are_stored_and_returned_as_plain_text(two_circles):
    response = send(two_circles["ana"], XSS)
    assert response.status_code == 201
    assert response.json()["text"] == XSS
    assert ChatMessage.objects.get().text == XSS
    assert client_for(two_circles["ben"]).get(CHAT).json()["messages"][0]["text"] == XSS


def test_control_characters_are_removed_before_storing(two_circles):
    response = send(two_circles["ana"], "  hi\x07 there\u202e \n")
    assert response.json()["text"] == "hi there"


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n", "\x07\x1b"])
def test_an_empty_message_is_a_400(two_circles, text):
    response = send(two_circles["ana"], text)
    assert response.status_code == 400
    assert response.json()["code"] == "empty_message"
    assert "empty" in response.json()["detail"]
    assert not ChatMessage.objects.exists()


def test_a_message_over_500_characters_is_a_400(two_circles):
    response = send(two_circles["ana"], "x" * 501)
    assert response.status_code == 400
    assert response.json()["code"] == "message_too_long"
    assert "at most 500 characters" in response.json()["detail"]


def test_500_characters_after_trimming_are_accepted(two_circles):
    response = send(two_circles["ana"], "   " + "é" * 500 + "   ")
    assert response.status_code == 201
    assert len(response.json()["text"]) == 500


def test_a_very_long_body_is_refused_before_cleaning(two_circles):
    response = send(two_circles["ana"], "x" * 5000)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize("body", [{"text": 5}, {"text": None}, {"text": ["hi"]}, {}])
def test_text_must_be_a_string(two_circles, body):
    response = client_for(two_circles["ana"]).post(CHAT, body, format="json")
    assert response.status_code == 400
    assert "text" in response.json()["errors"]


def test_the_sixth_message_in_ten_seconds_is_a_429_until_the_window_passes(two_circles, midweek):
    for n in range(5):
        assert send(two_circles["ana"], f"message {n}").status_code == 201
    response = send(two_circles["ana"], "one too many")
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert 1 <= int(response["Retry-After"]) <= 11
    assert send(two_circles["ben"], "others are not limited by ana").status_code == 201
    midweek.shift(timedelta(seconds=11))
    assert send(two_circles["ana"], "one too many").status_code == 201


def test_the_rate_is_configurable(two_circles, settings):
    settings.THRIVE_CHAT_RATE_MESSAGES = 2
    send(two_circles["ana"], "a")
    send(two_circles["ana"], "b")
    assert send(two_circles["ana"], "c").status_code == 429


def test_the_same_message_again_soon_is_suppressed(two_circles, midweek):
    assert send(two_circles["ana"], "Good morning all").status_code == 201
    response = send(two_circles["ana"], "  good   MORNING all ")
    assert response.status_code == 409
    assert response.json()["code"] == "duplicate_message"
    assert ChatMessage.objects.count() == 1
    assert send(two_circles["ben"], "Good morning all").status_code == 201  # someone else may say it
    midweek.shift(timedelta(seconds=61))
    assert send(two_circles["ana"], "Good morning all").status_code == 201


def test_listed_words_are_masked_not_refused(two_circles):
    response = send(two_circles["ana"], "this shit is hard")
    assert response.status_code == 201
    assert response.json()["text"] == "this **** is hard"
    assert ChatMessage.objects.get().text == "this **** is hard"


def test_operators_add_and_allow_words(two_circles, settings):
    settings.THRIVE_CHAT_WORD_FILTER_EXTRA = ["turnip"]
    settings.THRIVE_CHAT_WORD_FILTER_ALLOW = ["hell"]
    assert send(two_circles["ana"], "Turnip from hell").json()["text"] == "**** from hell"


def test_the_word_filter_can_be_off(two_circles, settings):
    settings.THRIVE_CHAT_WORD_FILTER = False
    assert send(two_circles["ana"], "this shit is hard").json()["text"] == "this shit is hard"


def test_history_pages_with_a_cursor_and_a_capped_size(two_circles):
    circle, ana = two_circles["one"], two_circles["ana"]
    ids = [ChatMessageFactory(circle=circle, author=ana).pk for _ in range(60)]
    client = client_for(ana)
    first = client.get(CHAT).json()
    assert [m["id"] for m in first["messages"]] == ids[::-1][:30]
    second = client.get(CHAT, {"cursor": first["next_cursor"]}).json()
    assert [m["id"] for m in second["messages"]] == ids[::-1][30:60]
    assert second["next_cursor"] is None
    assert len(client.get(CHAT, {"limit": 1000}).json()["messages"]) == 50


@pytest.mark.parametrize("query", [{"cursor": "nonsense"}, {"cursor": ""}, {"limit": "0"}, {"limit": "x"}])
def test_bad_paging_input_is_a_400(two_circles, query):
    response = client_for(two_circles["ana"]).get(CHAT, query)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_nobody_reads_another_circles_chat(two_circles):
    send(two_circles["ana"], "only for circle one")
    assert client_for(two_circles["cy"]).get(CHAT).json()["messages"] == []


def test_a_cursor_from_another_circle_shows_nothing_of_it(two_circles):
    theirs = [ChatMessageFactory(circle=two_circles["one"], author=two_circles["ana"]) for _ in range(3)]
    cursor = base64.urlsafe_b64encode(f"m:{theirs[-1].pk + 1}".encode()).decode()
    assert client_for(two_circles["cy"]).get(CHAT, {"cursor": cursor}).json()["messages"] == []


def test_last_weeks_circle_chat_is_not_this_weeks(two_circles):
    from core.circles.tests.factories import CircleFactory

    old = CircleFactory(week_start=two_circles["one"].week_start - timedelta(days=7))
    ChatMessageFactory(circle=old, author=two_circles["ana"])
    assert client_for(two_circles["ana"]).get(CHAT).json()["messages"] == []


def test_without_a_circle_this_week_there_is_no_chat(levels, midweek):
    from core.users.tests.factories import UserFactory

    loner = UserFactory()
    assert client_for(loner).get(CHAT).status_code == 404
    response = send(loner, "anyone?")
    assert response.status_code == 404
    assert response.json()["code"] == "chat_unavailable"


def test_chat_turned_off_entirely_answers_404_everywhere(two_circles, settings):
    message = ChatMessageFactory(circle=two_circles["one"], author=two_circles["ben"])
    settings.THRIVE_CHAT_ENABLED = False
    client = client_for(two_circles["ana"])
    assert client.get(CHAT).status_code == 404
    assert send(two_circles["ana"], "hi").status_code == 404
    assert client.post(f"{CHAT}{message.pk}/report/", {"reason": "spam"}, format="json").status_code == 404
    assert client.get(f"{CHAT}mutes/").status_code == 404


def test_signed_out_is_refused(db):
    from rest_framework.test import APIClient

    assert APIClient().get(CHAT).status_code in (401, 403)
