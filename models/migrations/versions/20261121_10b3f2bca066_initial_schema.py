"""initial schema

Revision ID: 10b3f2bca066
Revises:
Create Date: 2026-11-21 06:43:37.876800
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "10b3f2bca066"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "areas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_areas")),
        sa.UniqueConstraint("code", name=op.f("uq_areas_code")),
    )
    op.create_table(
        "file_number_counters",
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_file_number_counters")),
    )
    op.create_table(
        "office_settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_office_settings")),
    )
    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("birth_name", sa.String(length=200), nullable=True),
        sa.Column(
            "family_name_key",
            sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "given_names_key",
            sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "routing_key",
            sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql"),
            server_default="",
            nullable=False,
        ),
        sa.Column(
            "routing_key_skipped",
            sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql"),
            nullable=True,
        ),
        sa.Column("birth_year", sa.SmallInteger(), nullable=True),
        sa.Column("birth_month", sa.SmallInteger(), nullable=True),
        sa.Column("birth_day", sa.SmallInteger(), nullable=True),
        sa.Column("birth_place", sa.String(length=200), nullable=True),
        sa.Column("nationality", sa.String(length=3), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column(
            "passport_number",
            sa.String(length=30).with_variant(sa.String(length=30, collation="C"), "postgresql"),
            nullable=True,
        ),
        sa.Column("azr_number", sa.String(length=20), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
    )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_persons_azr_number"), ["azr_number"], unique=False)
        batch_op.create_index("ix_persons_birth", ["birth_year", "birth_month", "birth_day"], unique=False)
        batch_op.create_index(
            "ix_persons_family_key_given_key", ["family_name_key", "given_names_key", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_persons_passport_number"), ["passport_number"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["areas.id"], name=op.f("fk_users_area_id_areas")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "assignment_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "start",
            sa.String(length=40).with_variant(sa.String(length=40, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "end", sa.String(length=40).with_variant(sa.String(length=40, collation="C"), "postgresql"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["areas.id"], name=op.f("fk_assignment_rules_area_id_areas")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_assignment_rules_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_rules")),
    )
    with op.batch_alter_table("assignment_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignment_rules_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignment_rules_user_id"), ["user_id"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("payload_json", sa.Text(), nullable=True),
        sa.Column("payload_hash", sa.String(length=64), nullable=True),
        sa.Column("chain_hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_audit_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_audit_events_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_number", sa.String(length=40), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("procedure_key", sa.String(length=40), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("fee_cents", sa.Integer(), nullable=True),
        sa.Column("entry_date", sa.Date(), nullable=True),
        sa.Column("facts_json", sa.Text(), server_default="[]", nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["areas.id"], name=op.f("fk_cases_area_id_areas")),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_cases_owner_id_users")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_cases_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("file_number", name=op.f("uq_cases_file_number")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_area_status", ["area_id", "status"], unique=False)
        batch_op.create_index("ix_cases_owner_status", ["owner_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_person_id"), ["person_id"], unique=False)

    op.create_table(
        "deputies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("deputy_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["deputy_id"], ["users.id"], name=op.f("fk_deputies_deputy_id_users")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_deputies_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deputies")),
        sa.UniqueConstraint("user_id", "deputy_id", "valid_from", name=op.f("uq_deputies_user_id")),
    )
    with op.batch_alter_table("deputies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deputies_deputy_id"), ["deputy_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_deputies_user_id"), ["user_id"], unique=False)

    op.create_table(
        "card_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("ordered_on", sa.Date(), nullable=False),
        sa.Column("order_number", sa.String(length=40), nullable=True),
        sa.Column("expected_on", sa.Date(), nullable=True),
        sa.Column("arrived_on", sa.Date(), nullable=True),
        sa.Column("card_serial", sa.String(length=20), nullable=True),
        sa.Column("chip_checked", sa.Boolean(), nullable=False),
        sa.Column("notified_on", sa.Date(), nullable=True),
        sa.Column("notified_how", sa.String(length=20), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_card_orders_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_orders")),
    )
    with op.batch_alter_table("card_orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_card_orders_card_serial"), ["card_serial"], unique=False)
        batch_op.create_index(batch_op.f("ix_card_orders_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_card_orders_status"), ["status"], unique=False)

    op.create_table(
        "checklist_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("condition", sa.String(length=40), nullable=True),
        sa.Column("extra", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("waiver_reason", sa.String(length=500), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_checklist_items_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_items")),
    )
    with op.batch_alter_table("checklist_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_items_case_id"), ["case_id"], unique=False)

    op.create_table(
        "letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("review_comment", sa.Text(), nullable=True),
        sa.Column("posted_on", sa.Date(), nullable=True),
        sa.Column("dispatch_method", sa.String(length=30), nullable=True),
        sa.Column("notification_date", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_letters_case_id_cases"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_letters_created_by_id_users")),
        sa.ForeignKeyConstraint(["reviewed_by_id"], ["users.id"], name=op.f("fk_letters_reviewed_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
    )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letters_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_letters_status"), ["status"], unique=False)

    op.create_table(
        "residence_titles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("legal_basis", sa.String(length=100), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("conditions", sa.Text(), nullable=True),
        sa.Column("card_serial", sa.String(length=20), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_residence_titles_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_residence_titles_person_id_persons"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_residence_titles")),
    )
    with op.batch_alter_table("residence_titles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_residence_titles_person_id"), ["person_id"], unique=False)
        batch_op.create_index("ix_residence_titles_valid_until", ["valid_until"], unique=False)

    op.create_table(
        "card_handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_order_id", sa.Integer(), nullable=False),
        sa.Column("handed_over_at", sa.DateTime(), nullable=False),
        sa.Column("recipient_kind", sa.String(length=20), nullable=False),
        sa.Column("recipient_name", sa.String(length=200), nullable=False),
        sa.Column("agent_id_number", sa.String(length=40), nullable=True),
        sa.Column("power_of_attorney", sa.Boolean(), nullable=False),
        sa.Column("identity_check", sa.String(length=200), nullable=False),
        sa.Column("card_serial", sa.String(length=20), nullable=False),
        sa.Column("online_id_enabled", sa.Boolean(), nullable=False),
        sa.Column("old_documents_json", sa.Text(), nullable=False),
        sa.Column("supplementary_sheet", sa.Boolean(), nullable=False),
        sa.Column("fingerprints_deleted_at", sa.DateTime(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["card_order_id"], ["card_orders.id"], name=op.f("fk_card_handovers_card_order_id_card_orders")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_card_handovers_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_handovers")),
        sa.UniqueConstraint("card_order_id", name=op.f("uq_card_handovers_card_order_id")),
    )
    op.create_table(
        "deadlines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("title_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("nominal_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("source_event", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["areas.id"], name=op.f("fk_deadlines_area_id_areas")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_deadlines_case_id_cases"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_deadlines_owner_id_users")),
        sa.ForeignKeyConstraint(
            ["title_id"], ["residence_titles.id"], name=op.f("fk_deadlines_title_id_residence_titles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadlines")),
    )
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.create_index("ix_deadlines_area_status_due", ["area_id", "status", "due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_deadlines_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_deadlines_owner_status_due", ["owner_id", "status", "due_date"], unique=False)
        batch_op.create_index("ix_deadlines_status_due", ["status", "due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_deadlines_title_id"), ["title_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deadlines_title_id"))
        batch_op.drop_index("ix_deadlines_status_due")
        batch_op.drop_index("ix_deadlines_owner_status_due")
        batch_op.drop_index(batch_op.f("ix_deadlines_case_id"))
        batch_op.drop_index("ix_deadlines_area_status_due")

    op.drop_table("deadlines")
    op.drop_table("card_handovers")
    with op.batch_alter_table("residence_titles", schema=None) as batch_op:
        batch_op.drop_index("ix_residence_titles_valid_until")
        batch_op.drop_index(batch_op.f("ix_residence_titles_person_id"))

    op.drop_table("residence_titles")
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letters_status"))
        batch_op.drop_index(batch_op.f("ix_letters_case_id"))

    op.drop_table("letters")
    with op.batch_alter_table("checklist_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_items_case_id"))

    op.drop_table("checklist_items")
    with op.batch_alter_table("card_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_orders_status"))
        batch_op.drop_index(batch_op.f("ix_card_orders_case_id"))
        batch_op.drop_index(batch_op.f("ix_card_orders_card_serial"))

    op.drop_table("card_orders")
    with op.batch_alter_table("deputies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deputies_user_id"))
        batch_op.drop_index(batch_op.f("ix_deputies_deputy_id"))

    op.drop_table("deputies")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_person_id"))
        batch_op.drop_index("ix_cases_owner_status")
        batch_op.drop_index("ix_cases_area_status")

    op.drop_table("cases")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_entity")
        batch_op.drop_index(batch_op.f("ix_audit_events_case_id"))

    op.drop_table("audit_events")
    with op.batch_alter_table("assignment_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_rules_user_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_rules_area_id"))

    op.drop_table("assignment_rules")
    op.drop_table("users")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_persons_passport_number"))
        batch_op.drop_index("ix_persons_family_key_given_key")
        batch_op.drop_index("ix_persons_birth")
        batch_op.drop_index(batch_op.f("ix_persons_azr_number"))

    op.drop_table("persons")
    op.drop_table("office_settings")
    op.drop_table("file_number_counters")
    op.drop_table("areas")
