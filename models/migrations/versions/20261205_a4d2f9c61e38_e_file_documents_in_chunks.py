"""The e-file (issue 18): documents attached at the counter — type, size, page count, who added
them, the checklist item they answer — and their content in pieces of about a megabyte
(``document_chunks``) instead of one column; the documents an earlier xdomea import stored move
into pieces here.

Revision ID: a4d2f9c61e38
Revises: ee9babb78f50
Create Date: 2026-12-05 02:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a4d2f9c61e38"
down_revision: str | None = "ee9babb78f50"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of abh_desk.services.documents.CHUNK_SIZE at the time of this migration.
CHUNK_SIZE = 1024 * 1024
MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


def _media_type(head: bytes) -> str:
    return next((kind for magic, kind in MAGIC if head.startswith(magic)), "application/octet-stream")


def upgrade() -> None:
    op.create_table(
        "document_chunks",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["case_documents.id"],
            name=op.f("fk_document_chunks_document_id_case_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "seq", name=op.f("pk_document_chunks")),
    )
    with op.batch_alter_table("case_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("checklist_item_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("media_type", sa.String(length=40), server_default="application/pdf", nullable=False)
        )
        batch_op.add_column(sa.Column("size_bytes", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("page_count", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("added_by_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_case_documents_checklist_item_id"), ["checklist_item_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_case_documents_checklist_item_id_checklist_items"),
            "checklist_items",
            ["checklist_item_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(batch_op.f("fk_case_documents_added_by_id_users"), "users", ["added_by_id"], ["id"])
    documents = sa.table(
        "case_documents",
        sa.column("id", sa.Integer()),
        sa.column("content", sa.LargeBinary()),
        sa.column("media_type", sa.String()),
        sa.column("size_bytes", sa.Integer()),
    )
    chunks = sa.table(
        "document_chunks", sa.column("document_id", sa.Integer()), sa.column("seq", sa.Integer()),
        sa.column("data", sa.LargeBinary()),
    )  # fmt: skip
    bind = op.get_bind()
    ids = list(bind.execute(sa.select(documents.c.id).order_by(documents.c.id)).scalars())
    for document_id in ids:  # one document in memory at a time
        content = bytes(bind.execute(sa.select(documents.c.content).where(documents.c.id == document_id)).scalar_one())
        for seq, start in enumerate(range(0, max(len(content), 1), CHUNK_SIZE)):
            bind.execute(
                sa.insert(chunks).values(document_id=document_id, seq=seq, data=content[start : start + CHUNK_SIZE])
            )
        bind.execute(
            sa.update(documents)
            .where(documents.c.id == document_id)
            .values(media_type=_media_type(content[:8]), size_bytes=len(content))
        )
    # Not in batch mode: SQLite would copy case_documents into a new table and drop the old one, and
    # with foreign keys on, that drop deletes every piece (ON DELETE CASCADE). SQLite ≥ 3.35 drops a
    # plain column in place.
    op.drop_column("case_documents", "content")


def downgrade() -> None:
    with op.batch_alter_table("case_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content", sa.LargeBinary(), nullable=True))
    bind = op.get_bind()
    chunks = sa.table(
        "document_chunks", sa.column("document_id", sa.Integer()), sa.column("seq", sa.Integer()),
        sa.column("data", sa.LargeBinary()),
    )  # fmt: skip
    documents = sa.table("case_documents", sa.column("id", sa.Integer()), sa.column("content", sa.LargeBinary()))
    ids = list(bind.execute(sa.select(documents.c.id)).scalars())
    for document_id in ids:
        pieces = bind.execute(
            sa.select(chunks.c.data).where(chunks.c.document_id == document_id).order_by(chunks.c.seq)
        ).scalars()
        bind.execute(
            sa.update(documents).where(documents.c.id == document_id).values(content=b"".join(bytes(p) for p in pieces))
        )
    with op.batch_alter_table("case_documents", schema=None) as batch_op:
        batch_op.alter_column("content", existing_type=sa.LargeBinary(), nullable=False)
        batch_op.drop_constraint(batch_op.f("fk_case_documents_added_by_id_users"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_case_documents_checklist_item_id_checklist_items"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_case_documents_checklist_item_id"))
        batch_op.drop_column("added_by_id")
        batch_op.drop_column("page_count")
        batch_op.drop_column("size_bytes")
        batch_op.drop_column("media_type")
        batch_op.drop_column("checklist_item_id")
    op.drop_table("document_chunks")
