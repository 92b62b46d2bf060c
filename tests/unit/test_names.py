import pytest

from abh_desk.domain.names import check_name, fold, routing_key, search_key
from abh_desk.errors import ValidationError


@pytest.mark.parametrize(
    "variants",
    [
        ("Müller", "Mueller", "Muller", "MÜLLER", "müller"),
        ("Şahin", "Sahin", "ŞAHİN"),
        ("Nguyễn", "Nguyen"),
        ("Schäfer", "Schaefer", "Schafer"),
        ("Øyvind", "Oyvind"),
        ("Łukasz", "Lukasz"),
        ("Al-Hassan", "Al Hassan", "AlHassan", "Al'Hassan"),
    ],
)
def test_search_key_folds_spellings_together(variants: tuple[str, ...]) -> None:
    assert len({search_key(v) for v in variants}) == 1


def test_search_key_of_a_typed_prefix_is_a_prefix_of_the_name_key() -> None:
    for name in ("Müller", "Mueller", "Bauer", "Samuel", "Öztürk", "Nguyễn"):
        key = search_key(name)
        for cut in range(1, len(name) + 1):
            assert key.startswith(search_key(name[:cut])), (name, cut)


def test_routing_key_folds_diacritics_to_the_base_letter() -> None:
    assert routing_key("Öztürk") == "OZTURK"
    assert routing_key("Çelik") == "CELIK"
    assert routing_key("İnce") == "INCE"
    assert routing_key("Groß") == "GROSS"
    assert routing_key("Al-Hassan") == "ALHASSAN"
    assert routing_key("Ka\u02bbahumanu") == "KAAHUMANU"  # ʻokina dropped
    assert fold("Đặng") == "DANG"


def test_check_name_returns_nfc() -> None:
    decomposed = "Mu\u0308ller"
    assert check_name(decomposed, "f", "Familienname") == "Müller"
    assert check_name("  Nguyễn   Thị  ", "f", "Vornamen") == "Nguyễn Thị"


@pytest.mark.parametrize(
    "name", ["Şahin", "Nguyễn", "Øyvind", "Łukasz", "Ğ", "O'Brien", "Al-Hassan", "Ka\u02bbahumanu"]
)
def test_check_name_accepts_latin_names(name: str) -> None:
    assert check_name(name, "f", "Familienname")


def test_check_name_refuses_other_scripts_asking_for_the_passport_form() -> None:
    with pytest.raises(ValidationError) as info:
        check_name("Иванов", "familienname", "Familienname")
    assert "lateinischen Form" in info.value.message and "Pass" in info.value.message
    assert info.value.field == "familienname"
    with pytest.raises(ValidationError, match="lateinischen"):
        check_name("محمد", "vornamen", "Vornamen")


@pytest.mark.parametrize("bad", ["Anna\u202eB", "Anna\u200bB", "A\tB", "Anna3", "Anna@"])
def test_check_name_refuses_control_bidi_digits_and_symbols(bad: str) -> None:
    with pytest.raises(ValidationError):
        check_name(bad, "f", "Familienname")


def test_required_name_must_not_be_empty() -> None:
    with pytest.raises(ValidationError, match="Bitte angeben"):
        check_name("   ", "f", "Familienname")
    assert check_name("", "v", "Vornamen", required=False) == ""


def test_a_long_name_that_folds_longer_keeps_its_keys_within_the_columns() -> None:
    from abh_desk.domain.names import KEY_LENGTH, routing_key, search_key

    name = "Ærøßa" * 40  # 200 characters; folded "AEROSSA" × 40 = 280, for searching "AROSSA" × 40 = 240
    assert len(routing_key(name)) == len(search_key(name)) == KEY_LENGTH
    assert routing_key(name).startswith("AEROSSAAERO") and search_key(name).startswith("AROSSAARO")
