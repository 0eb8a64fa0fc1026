"""Phone numbers are found however they are typed, and dates or amounts are not mistaken for them."""

import pytest

from review.phones import find_phone_numbers, normalise_phone


@pytest.mark.parametrize(
    "text, digits",
    [
        ("请拨打95511咨询", "95511"),
        ("请拨打９５５１１咨询", "95511"),  # full-width digits
        ("请拨打 9 5 5 1 1 咨询", "95511"),  # spaced out
        ("Call 9-5-5-1-1 now", "95511"),
        ("热线：400-820-8820", "4008208820"),
        ("热线：４００－８２０－８８２０", "4008208820"),  # full-width digits and dashes
        ("Hotline 400 820 8820", "4008208820"),
        ("联系 138 0013 8000", "13800138000"),
        ("联系 13800138000", "13800138000"),
        ("Call +86 138-0013-8000", "13800138000"),
        ("电话（010）12345678", "01012345678"),
        ("电话 0755-1234567", "07551234567"),
        ("Phone +86 10 1234 5678", "01012345678"),  # country code drops the trunk 0
        ("Call +1 415 555 0100", "14155550100"),  # a foreign number is a number too
        ("投诉请拨12378", "12378"),
    ],
)
def test_phone_numbers_are_found_in_any_spelling(text, digits):
    assert [number.digits for number in find_phone_numbers(text)] == [digits]


@pytest.mark.parametrize(
    "text",
    [
        "2026年3月15日",
        "活动时间 2026-03-15 至 2026-03-21",
        "The 2025-2026 campaign",
        "损失 12000 元",  # an amount, not the 12xxx service-number shape
        "¥12345",
        "收益率 12.5%",
        "20万元、80,000 yuan",
        "身份证号 110101199003071234",
        "银行卡 6222 0202 0000 1234 567",
        "视频 BV1GJ411x7h7",
        "9:30-11:30",
        "邮编 100000",
    ],
)
def test_dates_amounts_and_identifiers_are_not_phone_numbers(text):
    assert find_phone_numbers(text) == []


def test_several_numbers_in_one_run_are_each_found():
    assert [number.digits for number in find_phone_numbers("95511 96110")] == ["95511", "96110"]


def test_written_form_is_kept_for_messages():
    assert find_phone_numbers("拨打 ４００－１２３－４５６７")[0].text == "400-123-4567"


@pytest.mark.parametrize("value", ["+86 10 1234 5678", "010-1234-5678", "０１０１２３４５６７８", "(010) 12345678"])
def test_official_values_normalise_to_the_same_digits(value):
    assert normalise_phone(value) == "01012345678"
