"""dotterel.ingest.checks: the language check, non-Latin scripts above all."""

from __future__ import annotations

import pytest

from dotterel.errors import InputError
from dotterel.ingest.checks import check_language, dominant_script

# Short texts written for these tests: "the government said on Tuesday that the two
# sides agreed to a ceasefire on the border" and the like, in each language.
NON_ENGLISH = {
    # Japanese mixes Han characters and Kana; the detected language ('ja') tells them apart.
    "Chinese": ("政府周二表示，两国同意在边境地区停火，并将在月底前撤出重型武器。", "Han", "zh-cn"),
    "Japanese": ("政府は火曜日、両国が国境地帯での停戦に合意したと発表した。", "Han", "ja"),
    "Korean": ("정부는 화요일 두 나라가 국경 지역에서 휴전에 합의했다고 밝혔다.", "Hangul", "ko"),
    "Thai": ("รัฐบาลประกาศเมื่อวันอังคารว่าทั้งสองประเทศตกลงหยุดยิงตามแนวชายแดน", "Thai", "th"),
    "Hindi": ("सरकार ने मंगलवार को कहा कि दोनों देश सीमा पर युद्धविराम पर सहमत हुए।", "Devanagari", "hi"),
    "Russian": ("Правительство во вторник заявило, что стороны договорились.", "Cyrillic", "ru"),
    "Arabic": ("أعلنت الحكومة يوم الثلاثاء أن البلدين اتفقا على وقف إطلاق النار.", "Arabic", "ar"),
}

ENGLISH_WITH_NAMES = (
    "President Xi Jinping (习近平) met Prime Minister Narendra Modi (नरेन्द्र मोदी) in "
    "Kessal on Tuesday, officials said, and the two leaders agreed to resume border talks "
    "next month. The mayor of Seoul (서울) and a delegation from Bangkok (กรุงเทพ) attended."
)


@pytest.mark.parametrize("language", sorted(NON_ENGLISH))
def test_non_latin_script_text_is_rejected_naming_its_script(language: str) -> None:
    text, script, code = NON_ENGLISH[language]
    with pytest.raises(InputError) as info:
        check_language(text)
    assert info.value.kind == "not_english"
    assert f"{script} script" in info.value.reason
    assert f"detected '{code}'" in info.value.reason and "--any-language" in info.value.reason
    assert check_language(text, allow_any_language=True) == code


def test_chinese_is_named_in_the_reason() -> None:
    text, _, _ = NON_ENGLISH["Chinese"]
    with pytest.raises(InputError) as info:
        check_language(text)
    assert "100% of its letters are Han script: Chinese" in info.value.reason


def test_english_naming_people_and_places_in_their_own_script_is_english() -> None:
    found = dominant_script(ENGLISH_WITH_NAMES)
    assert found is not None and found.share < 0.2
    assert check_language(ENGLISH_WITH_NAMES) in ("en", None)


def test_latin_only_text_has_no_dominant_script() -> None:
    assert dominant_script("Talks resumed in Kessal on Monday, 12 May.") is None
