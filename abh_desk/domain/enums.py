"""The fixed vocabularies of the domain. Values are stored as text; labels are German."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CASEWORKER = "sachbearbeitung"
    TEAM_LEAD = "teamleitung"
    ADMIN = "administration"


ROLE_LABELS = {Role.CASEWORKER: "Sachbearbeitung", Role.TEAM_LEAD: "Teamleitung", Role.ADMIN: "Administration"}


class Sex(StrEnum):
    FEMALE = "w"
    MALE = "m"
    DIVERSE = "d"
    UNKNOWN = "x"


class CaseStatus(StrEnum):
    """Bearbeitungsstand eines Vorgangs."""

    NEW = "neu"
    IN_PROGRESS = "in_bearbeitung"
    WAITING_FOR_DOCUMENTS = "unterlagen_angefordert"
    READY_FOR_DECISION = "entscheidungsreif"
    GRANTED = "bewilligt"
    REJECTED = "abgelehnt"
    WITHDRAWN = "zurueckgenommen"
    CLOSED = "abgeschlossen"
    HANDED_OVER = "abgegeben"
    """The person's file went to another authority (Zuständigkeitswechsel, xdomea Abgabe)."""

    @property
    def is_open(self) -> bool:
        return self in OPEN_CASE_STATUSES


OPEN_CASE_STATUSES = frozenset(
    {CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FOR_DOCUMENTS, CaseStatus.READY_FOR_DECISION}
)

CASE_STATUS_LABELS = {
    CaseStatus.NEW: "Neu",
    CaseStatus.IN_PROGRESS: "In Bearbeitung",
    CaseStatus.WAITING_FOR_DOCUMENTS: "Unterlagen angefordert",
    CaseStatus.READY_FOR_DECISION: "Entscheidungsreif",
    CaseStatus.GRANTED: "Bewilligt",
    CaseStatus.REJECTED: "Abgelehnt",
    CaseStatus.WITHDRAWN: "Zurückgenommen",
    CaseStatus.CLOSED: "Abgeschlossen",
    CaseStatus.HANDED_OVER: "Abgegeben",
}


class ChecklistStatus(StrEnum):
    MISSING = "fehlt"
    RECEIVED = "eingegangen"
    WAIVED = "verzichtet"


CHECKLIST_LABELS = {
    ChecklistStatus.MISSING: "fehlt",
    ChecklistStatus.RECEIVED: "eingegangen",
    ChecklistStatus.WAIVED: "verzichtet",
}


#: Prüfung durch die Behörde: the same three states, in the words of a check.
CHECK_LABELS = {
    ChecklistStatus.MISSING: "offen",
    ChecklistStatus.RECEIVED: "geprüft",
    ChecklistStatus.WAIVED: "entfällt",
}


class DeadlineStatus(StrEnum):
    OPEN = "offen"
    DONE = "erledigt"
    CANCELLED = "aufgehoben"


DEADLINE_STATUS_LABELS = {
    DeadlineStatus.OPEN: "offen",
    DeadlineStatus.DONE: "erledigt",
    DeadlineStatus.CANCELLED: "aufgehoben",
}


class DeadlineKind(StrEnum):
    REMEDY_PERIOD = "rechtsbehelfsfrist"
    EXPIRY_REMINDER = "ablauf_erinnerung"
    VISA_FREE_STAY = "visumfreier_aufenthalt"
    HEARING = "anhoerung"
    PROCESSING = "bearbeitung"
    CARD_WAITING = "eat_abholung"
    FICTION_CERTIFICATE = "fiktionsbescheinigung"
    FOLLOW_UP = "wiedervorlage"


DEADLINE_KIND_LABELS = {
    DeadlineKind.REMEDY_PERIOD: "Rechtsbehelfsfrist",
    DeadlineKind.EXPIRY_REMINDER: "Ablauf Aufenthaltstitel",
    DeadlineKind.VISA_FREE_STAY: "Ende visumfreier Aufenthalt",
    DeadlineKind.HEARING: "Anhörungsfrist",
    DeadlineKind.PROCESSING: "Bearbeitungszeit",
    DeadlineKind.CARD_WAITING: "eAT nicht abgeholt",
    DeadlineKind.FICTION_CERTIFICATE: "Fiktionsbescheinigung läuft ab",
    DeadlineKind.FOLLOW_UP: "Wiedervorlage",
}


class LetterKind(StrEnum):
    REJECTION = "ablehnungsbescheid"
    HEARING = "anhoerung"
    MISSING_DOCUMENTS = "nachforderung"
    EXPIRY_REMINDER = "erinnerung"
    CARD_PICKUP = "abholbenachrichtigung"
    HANDOVER_RECORD = "aushaendigungsprotokoll"


LETTER_KIND_LABELS = {
    LetterKind.REJECTION: "Ablehnungsbescheid",
    LetterKind.HEARING: "Anhörung",
    LetterKind.MISSING_DOCUMENTS: "Nachforderung von Unterlagen",
    LetterKind.EXPIRY_REMINDER: "Erinnerung an die Verlängerung",
    LetterKind.CARD_PICKUP: "Abholbenachrichtigung eAT",
    LetterKind.HANDOVER_RECORD: "Aushändigungsprotokoll",
}


class LetterStatus(StrEnum):
    """States of a letter; rejections walk the four-eyes path (domain.md §7)."""

    DRAFT = "entwurf"
    HEARING = "anhoerung"
    IN_REVIEW = "zur_pruefung"
    RETURNED = "zurueckgegeben"
    APPROVED = "freigegeben"
    SENT = "versandt"
    FINAL = "bestandskraeftig"
    CONTESTED = "rechtsbehelf_eingegangen"
    LIFTED = "aufgehoben"


class CardStatus(StrEnum):
    ORDERED = "bestellt"
    ARRIVED = "eingegangen"
    NOTIFIED = "benachrichtigt"
    HANDED_OVER = "ausgehaendigt"
    RETURNED = "zurueckgesandt"
    DESTROYED = "vernichtet"


class WithdrawalWay(StrEnum):
    """How the applicant withdrew the application (Antragsrücknahme)."""

    WRITING = "schriftlich"
    RECORD = "zur_niederschrift"
    ELECTRONIC = "elektronisch"


WITHDRAWAL_LABELS = {
    WithdrawalWay.WRITING: "schriftlich",
    WithdrawalWay.RECORD: "zur Niederschrift bei der Behörde",
    WithdrawalWay.ELECTRONIC: "elektronisch (E-Mail)",
}
