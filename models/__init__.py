"""SQLAlchemy 2 mappings of ABH Desk (and, in ``migrations/``, their Alembic history)."""

from models.appointments import Absence, Appointment, AppointmentLength, AppointmentUnit, CaseworkerCalendar
from models.audit import AuditEvent
from models.base import Base
from models.cards import CardHandover, CardOrder
from models.cases import Case, CaseAccess, ChecklistItem, Deadline, FileNumberCounter
from models.documents import CaseDocument, DocumentChunk
from models.grants import Grant
from models.letters import Letter
from models.people import LegalRepresentative, Person, ResidenceTitle
from models.retention import RetentionEvent, RetentionRule
from models.settings import OfficeSetting
from models.staff import AccessToken, Area, AssignmentRule, Deputy, User
from models.transfers import ArchiveOffer, FileTransfer

__all__ = [
    "Absence",
    "AccessToken",
    "Appointment",
    "AppointmentLength",
    "AppointmentUnit",
    "ArchiveOffer",
    "Area",
    "AssignmentRule",
    "AuditEvent",
    "Base",
    "CardHandover",
    "CardOrder",
    "Case",
    "CaseAccess",
    "CaseDocument",
    "CaseworkerCalendar",
    "ChecklistItem",
    "Deadline",
    "Deputy",
    "DocumentChunk",
    "FileNumberCounter",
    "FileTransfer",
    "Grant",
    "LegalRepresentative",
    "Letter",
    "OfficeSetting",
    "Person",
    "ResidenceTitle",
    "RetentionEvent",
    "RetentionRule",
    "User",
]
