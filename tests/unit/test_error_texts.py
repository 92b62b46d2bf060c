"""One home for the sentences of refusals (issue 22, part 3): the catalogue in
``resources/messages/`` and the raise sites are held to each other.

- every entry speaks German and English, with the same placeholders;
- every key a module raises (or names as a ``Label`` or a ``Label``) is in the catalogue, and the call gives every
  parameter the key's sentences need; every entry is used somewhere;
- every member of a labelled vocabulary (a case's status, a deadline's kind …) has its ``Label``, and a
  ``Label`` is its German text wherever it is used as a ``str``;
- a sentence written at a raise site (a literal, an f-string, another error's ``.message``) is found,
  and only the modules not yet moved (``NOT_YET_MOVED``) may still have one.
"""

from __future__ import annotations

import ast
import copy
import pickle
from collections.abc import Iterator, Mapping
from enum import Enum
from pathlib import Path

import pytest

from abh_desk import error_texts
from abh_desk.domain import appointments, cards, case_flow, deadlines_bekanntgabe, enums, grants, notice_flow
from abh_desk.domain import representation as rep
from abh_desk.error_texts import Label
from abh_desk.errors import DomainError, FieldErrors, ValidationError

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("abh_desk", "letters", "models", "ui")
BASE_ERRORS = {
    "DomainError",
    "ValidationError",
    "NotFound",
    "ConfigurationError",
    "StaleRecord",
    "PermissionDenied",
    "Cancelled",
}

#: Modules whose refusals still write their sentence at the raise site. Shrinks to nothing; a module
#: moved to the catalogue must leave the list (the test says so).
NOT_YET_MOVED: set[str] = set()

#: Where reading a refusal's German ``.message`` is right: the command line prints German
#: (abh_desk/cli*.py), and the errors module builds it.
MESSAGE_READERS = {"abh_desk/errors.py"} | {
    path.relative_to(ROOT).as_posix() for path in (ROOT / "abh_desk").glob("cli*.py")
}
#: The errors module itself (FieldErrors joins its parts' sentences).
HOME = {"abh_desk/errors.py"}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


MODULES = list(_modules())


def _error_classes() -> set[str]:
    """The base errors and every class derived from them, by name, across the tree."""
    names = set(BASE_ERRORS)
    classes = [node for _, tree in MODULES for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for node in classes:
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
            if node.name not in names and bases & names:
                names.add(node.name)
                grew = True
    return names


ERRORS = _error_classes()


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _raise_sites() -> Iterator[tuple[str, int, ast.Call]]:
    for module, tree in MODULES:
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _called(node) in ERRORS | {"Label", "Sentence"}
                and node.args
                and module not in HOME
            ):
                yield module, node.lineno, node


def _is_sentence(arg: ast.expr) -> bool:
    """A sentence written at the site: a literal that is no key, an f-string, a sum of texts, or
    another error's ``.message``. A variable passes only when its name says it holds a key."""
    if isinstance(arg, ast.Constant):
        return not (isinstance(arg.value, str) and error_texts.is_key(arg.value))
    if isinstance(arg, ast.Name):
        return not (arg.id == "key" or arg.id.endswith("_key"))
    return True


def test_every_entry_speaks_german_and_english_with_the_same_placeholders() -> None:
    entries = error_texts.catalogue()
    assert entries, "the catalogue is empty"
    for key, texts in entries.items():
        assert error_texts.is_key(key), key
        assert set(texts) == set(error_texts.LANGUAGES), f"{key}: {sorted(texts)}"
        assert all(texts[language].strip() for language in error_texts.LANGUAGES), key
        assert error_texts.placeholders(texts["de"]) == error_texts.placeholders(texts["en"]), key


def test_each_sentence_has_one_entry() -> None:
    """The same German sentence under two keys would be two homes of one sentence (shared.toml holds
    what several modules say alike)."""
    keys_of: dict[str, list[str]] = {}
    for key, texts in error_texts.catalogue().items():
        keys_of.setdefault(texts["de"], []).append(key)
    twice = {text: keys for text, keys in keys_of.items() if len(keys) > 1}
    assert not twice, twice


def test_every_key_raised_exists_and_gets_the_parameters_its_sentences_need() -> None:
    entries = error_texts.catalogue()
    wrong = []
    for module, line, call in _raise_sites():
        arg = call.args[0]
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str) and error_texts.is_key(arg.value)):
            continue
        key = arg.value
        if key not in entries:
            wrong.append(f"{module}:{line}: {key} is not in resources/messages/")
            continue
        if any(keyword.arg is None for keyword in call.keywords):  # **params: checked when raised
            continue
        given = {keyword.arg for keyword in call.keywords}
        needed = error_texts.placeholders(entries[key]["de"]) | error_texts.placeholders(entries[key]["en"])
        if needed - given:
            wrong.append(f"{module}:{line}: {key} needs {sorted(needed - given)}")
    assert not wrong, "\n".join(wrong)


def test_every_entry_is_used_by_some_module() -> None:
    source = "\n".join(
        path.read_text(encoding="utf-8") for package in SOURCES for path in (ROOT / package).rglob("*.py")
    )
    unused = [key for key in error_texts.catalogue() if f'"{key}"' not in source]
    assert not unused, f"entries no module raises: {unused}"


def test_sentences_are_written_only_in_the_catalogue() -> None:
    found: dict[str, list[int]] = {}
    for module, line, call in _raise_sites():
        if _is_sentence(call.args[0]):
            found.setdefault(module, []).append(line)
    for module, tree in MODULES:
        if module in MESSAGE_READERS or module.startswith("ui/"):  # windows name their labels "message"
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "message" and isinstance(node.ctx, ast.Load):
                found.setdefault(module, []).append(node.lineno)
    new = {module: lines for module, lines in found.items() if module not in NOT_YET_MOVED}
    assert not new, f"sentences at raise sites (put them in resources/messages/): {new}"
    moved = NOT_YET_MOVED - set(found)
    assert not moved, f"moved to the catalogue — take them off NOT_YET_MOVED: {sorted(moved)}"


def test_a_refusal_speaks_the_language_asked_and_keeps_its_parameters() -> None:
    error = ValidationError("domain_text.too_long", field="grund", label=Label("shared.label_reason"), max_length=500)
    assert error.message == "Der Grund ist zu lang (höchstens 500 Zeichen)."
    assert str(error) == error.message
    assert error.text("en") == "The reason is too long (at most 500 characters)."
    assert error.key == "domain_text.too_long" and error.field == "grund" and error.params["max_length"] == 500
    moved = ValidationError.at("vorgang", error)
    assert (moved.field, moved.key, moved.text("en")) == ("vorgang", "domain_text.too_long", error.text("en"))


def test_a_quoted_refusal_and_several_fields_speak_the_same_language() -> None:
    inner = ValidationError("domain_text.too_long", field="grund", label=Label("shared.label_reason"), max_length=5)
    outer = ValidationError("domain_text.too_long", field="x", label=inner, max_length=1)
    assert outer.text("en").startswith("The reason is too long (at most 5 characters).")
    both = FieldErrors(
        [
            inner,
            ValidationError("domain_text.too_long", field="b", label=Label("cards.label_order_number"), max_length=9),
        ]
    )
    assert both.by_field("en") == {
        "grund": "The reason is too long (at most 5 characters).",
        "b": "The order number is too long (at most 9 characters).",
    }
    assert (
        both.message
        == "Der Grund ist zu lang (höchstens 5 Zeichen). Die Bestellnummer ist zu lang (höchstens 9 Zeichen)."
    )


def test_a_sentence_not_yet_moved_is_shown_as_it_is_in_every_language() -> None:
    legacy = DomainError("Das Geburtsdatum liegt in der Zukunft.")
    assert legacy.key is None
    assert legacy.text("en") == legacy.message == "Das Geburtsdatum liegt in der Zukunft."


@pytest.mark.parametrize("key", ["domain_text.gibt_es_nicht", "gibt.es_nicht"])
def test_an_unknown_key_still_gives_a_readable_line_and_is_logged(key: str, caplog: pytest.LogCaptureFixture) -> None:
    assert DomainError(key).text("en") == key
    assert key in caplog.text


#: Each vocabulary the window shows and its labels: every member needs one.
LABELLED: list[tuple[type[Enum], Mapping[object, str]]] = [
    (enums.Role, enums.ROLE_LABELS),
    (enums.CaseStatus, enums.CASE_STATUS_LABELS),
    (enums.ChecklistStatus, enums.CHECKLIST_LABELS),
    (enums.ChecklistStatus, enums.CHECK_LABELS),
    (enums.DeadlineStatus, enums.DEADLINE_STATUS_LABELS),
    (enums.DeadlineKind, enums.DEADLINE_KIND_LABELS),
    (enums.LetterKind, enums.LETTER_KIND_LABELS),
    (enums.WithdrawalWay, enums.WITHDRAWAL_LABELS),
    (enums.CardStatus, cards.STATUS_LABELS),
    (cards.NoticeMethod, cards.NOTICE_LABELS),
    (cards.RecipientKind, cards.RECIPIENT_LABELS),
    (rep.RepresentationKind, rep.KIND_LABELS),
    (deadlines_bekanntgabe.DispatchMethod, deadlines_bekanntgabe.DISPATCH_METHOD_LABELS),
    (enums.LetterStatus, notice_flow.STATUS_LABELS),
    (notice_flow.NoticeAction, notice_flow.ACTION_LABELS),
    (notice_flow.RemedyKind, notice_flow.REMEDY_LABELS),
    (notice_flow.RemedyOutcome, notice_flow.OUTCOME_LABELS),
    (grants.ReviewPolicy, grants.REVIEW_POLICY_LABELS),
    (grants.GrantStatus, grants.GRANT_STATUS_LABELS),
    (case_flow.CaseAction, case_flow.ACTION_LABELS),
]


@pytest.mark.parametrize(
    ("vocabulary", "labels"), LABELLED, ids=[f"{i}-{v.__name__}" for i, (v, _) in enumerate(LABELLED)]
)
def test_every_member_of_a_labelled_vocabulary_has_a_label_in_both_languages(
    vocabulary: type[Enum], labels: Mapping[object, str]
) -> None:
    assert set(labels) == set(vocabulary), f"{vocabulary.__name__}: {set(vocabulary) ^ set(labels)}"
    for member, label in labels.items():
        assert isinstance(label, Label), f"{vocabulary.__name__}.{member}: {label!r} is no Label"
        texts = error_texts.catalogue()[label.key]
        assert (str(label), label.text("de"), label.text("en")) == (texts["de"], texts["de"], texts["en"])


def test_the_other_words_of_the_window_have_labels() -> None:
    from abh_desk.services import case_file, document_content, worklists

    words = (
        appointments.STATUS_LABELS.values(),
        appointments.PURPOSE_NAMES.values(),
        appointments.WEEKDAY_NAMES,
        case_file.ACTION_LABELS.values(),
        document_content.MEDIA_LABELS.values(),
        worklists.GROUP_LABELS,
    )
    for labels in words:
        assert all(isinstance(label, Label) and label.key in error_texts.catalogue() for label in labels)


def test_a_label_is_its_german_text_wherever_it_is_a_str() -> None:
    status = enums.CASE_STATUS_LABELS[enums.CaseStatus.WAITING_FOR_DOCUMENTS]
    assert status == "Unterlagen angefordert" and isinstance(status, str)
    assert f"Status: {status}" == "Status: Unterlagen angefordert" and status.lower() == "unterlagen angefordert"
    assert {status: 1}["Unterlagen angefordert"] == 1
    assert status.text("en") == "Documents requested" and status.text("de") == "Unterlagen angefordert"
    assert "domain_enums.case_status_waiting_for_documents" in repr(status)
    for twin in (copy.copy(status), copy.deepcopy(status), pickle.loads(pickle.dumps(status))):
        assert isinstance(twin, Label) and twin.key == status.key and twin == status
    # A refusal given a label as a parameter speaks it in its own language.
    refused = ValidationError("cards.card_already", status=cards.STATUS_LABELS[enums.CardStatus.HANDED_OVER])
    assert "ausgehändigt" in refused.message and "handed over" in refused.text("en")
