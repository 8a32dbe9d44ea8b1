from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from core.launch.flags import percent_bucket

user_ids = st.integers(min_value=1, max_value=10**9)


@given(user_ids)
def test_a_bucket_is_a_percentage_with_one_decimal(user_id):
    bucket = percent_bucket("thrive_circles", user_id)
    assert Decimal("0.0") <= bucket <= Decimal("99.9") and bucket == bucket.quantize(Decimal("0.1"))


@given(user_ids, st.decimals("0.0", "99.9", places=1), st.decimals("0.0", "99.9", places=1))
def test_raising_the_percentage_only_adds_users(user_id, low, high):
    low, high = sorted((low, high))
    bucket = percent_bucket("thrive_circles", user_id)
    assert not (bucket < low) or bucket < high


def test_a_percentage_reaches_about_that_share_of_users():
    share = sum(percent_bucket("thrive_circles", pk) < Decimal("10.0") for pk in range(1, 10_001)) / 10_000
    assert 0.09 < share < 0.11


def test_flags_bucket_users_independently():
    first = {pk for pk in range(1, 2001) if percent_bucket("thrive_circles", pk) < 50}
    second = {pk for pk in range(1, 2001) if percent_bucket("another_flag", pk) < 50}
    assert 0.4 < len(first & second) / len(first) < 0.6
