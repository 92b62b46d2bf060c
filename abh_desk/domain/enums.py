"""The fixed vocabularies of the domain. Values are stored as text; labels are ``Label``s of the
catalogue (``resources/messages/domain_enums.toml``): German wherever they are used as text, English
in an English window (``ui.messages.spoken``)."""

from __future__ import annotations

from enum import StrEnum

from abh_desk.error_texts import Label


class Role(StrEnum):
    CASEWORKER = "sachbearbeitung"
    TEAM_LEAD = "teamleitung"
    ADMIN = "administration"


ROLE_LABELS = {
    Role.CASEWORKER: Label("domain_enums.role_caseworker"),
    Role.TEAM_LEAD: Label("domain_enums.role_team_lead"),
    Role.ADMIN: Label("domain_enums.role_admin"),
}


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
    CaseStatus.NEW: Label("domain_enums.case_status_new"),
    CaseStatus.IN_PROGRESS: Label("domain_enums.case_status_in_progress"),
    CaseStatus.WAITING_FOR_DOCUMENTS: Label("domain_enums.case_status_waiting_for_documents"),
    CaseStatus.READY_FOR_DECISION: Label("domain_enums.case_status_ready_for_decision"),
    CaseStatus.GRANTED: Label("domain_enums.case_status_granted"),
    CaseStatus.REJECTED: Label("domain_enums.case_status_rejected"),
    CaseStatus.WITHDRAWN: Label("domain_enums.case_status_withdrawn"),
    CaseStatus.CLOSED: Label("domain_enums.case_status_closed"),
    CaseStatus.HANDED_OVER: Label("domain_enums.case_status_handed_over"),
}


class ChecklistStatus(StrEnum):
    MISSING = "fehlt"
    RECEIVED = "eingegangen"
    WAIVED = "verzichtet"


CHECKLIST_LABELS = {
    ChecklistStatus.MISSING: Label("domain_enums.checklist_missing"),
    ChecklistStatus.RECEIVED: Label("shared.received"),
    ChecklistStatus.WAIVED: Label("domain_enums.checklist_waived"),
}


#: Prüfung durch die Behörde: the same three states, in the words of a check.
CHECK_LABELS = {
    ChecklistStatus.MISSING: Label("domain_enums.open"),
    ChecklistStatus.RECEIVED: Label("domain_enums.check_checked"),
    ChecklistStatus.WAIVED: Label("domain_enums.check_not_applicable"),
}


class DeadlineStatus(StrEnum):
    OPEN = "offen"
    DONE = "erledigt"
    CANCELLED = "aufgehoben"


DEADLINE_STATUS_LABELS = {
    DeadlineStatus.OPEN: Label("domain_enums.open"),
    DeadlineStatus.DONE: Label("shared.done"),
    DeadlineStatus.CANCELLED: Label("shared.lifted"),
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
    DeadlineKind.REMEDY_PERIOD: Label("domain_enums.deadline_kind_remedy_period"),
    DeadlineKind.EXPIRY_REMINDER: Label("domain_enums.deadline_kind_expiry_reminder"),
    DeadlineKind.VISA_FREE_STAY: Label("domain_enums.deadline_kind_visa_free_stay"),
    DeadlineKind.HEARING: Label("domain_enums.deadline_kind_hearing"),
    DeadlineKind.PROCESSING: Label("domain_enums.deadline_kind_processing"),
    DeadlineKind.CARD_WAITING: Label("domain_enums.deadline_kind_card_waiting"),
    DeadlineKind.FICTION_CERTIFICATE: Label("domain_enums.deadline_kind_fiction_certificate"),
    DeadlineKind.FOLLOW_UP: Label("domain_enums.deadline_kind_follow_up"),
}


class LetterKind(StrEnum):
    REJECTION = "ablehnungsbescheid"
    HEARING = "anhoerung"
    MISSING_DOCUMENTS = "nachforderung"
    EXPIRY_REMINDER = "erinnerung"
    CARD_PICKUP = "abholbenachrichtigung"
    HANDOVER_RECORD = "aushaendigungsprotokoll"


LETTER_KIND_LABELS = {
    LetterKind.REJECTION: Label("domain_enums.letter_kind_rejection"),
    LetterKind.HEARING: Label("domain_enums.letter_kind_hearing"),
    LetterKind.MISSING_DOCUMENTS: Label("domain_enums.letter_kind_missing_documents"),
    LetterKind.EXPIRY_REMINDER: Label("domain_enums.letter_kind_expiry_reminder"),
    LetterKind.CARD_PICKUP: Label("domain_enums.letter_kind_card_pickup"),
    LetterKind.HANDOVER_RECORD: Label("domain_enums.letter_kind_handover_record"),
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
    WithdrawalWay.WRITING: Label("domain_enums.withdrawal_writing"),
    WithdrawalWay.RECORD: Label("domain_enums.withdrawal_record"),
    WithdrawalWay.ELECTRONIC: Label("domain_enums.withdrawal_electronic"),
}
