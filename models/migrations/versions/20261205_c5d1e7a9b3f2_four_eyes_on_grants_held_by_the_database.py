"""Four eyes on grants held by the PostgreSQL server (issue 24, part 1), as they are on rejection
notices since ``f4e1b2c3d5a6``: where the office reviews grants (``grant_review``), a script with the
workstations' login cannot put a grant in force, approve it or return it without the server
session of a team lead of the case's area who did not propose it, nor switch the review off (nor
change any other setting of the office: the idle lock, the letterhead, the text blocks).

For every login that is neither superuser nor member of the tables' owner:

- a grant is inserted only as the proposal (``zur_pruefung``) of the session's own user;
- its case and its proposer never change, nor a grant in force;
- setting a reviewer (approval or return) needs that reviewer's own session, a team lead of the
  case's area (or of every area), not the proposer;
- in force (``erteilt``) without a reviewer only where the office's setting asks for no review of
  it (``keine``; ``unbefristet`` and the title is limited), and only by the proposer's session;
- the office's settings (``grant_review`` among them, the idle lock, the letterhead, the text blocks)
  change only from an administrator's session.

SQLite: nothing (one workstation; the file's owner is the limit).

Revision ID: c5d1e7a9b3f2
Revises: b8e2f4a61c07
Create Date: 2026-12-05 07:15:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c5d1e7a9b3f2"
down_revision: str | None = "b8e2f4a61c07"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSED = "ABH24"
DEFINER = "SECURITY DEFINER SET search_path = abh_sign_in, public, pg_temp"

STATEMENTS = (
    f"""CREATE FUNCTION public.abh_bewilligung_pruefen() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    DECLARE
        me integer;
        lead public.users%ROWTYPE;
        area integer;
        policy text;
    BEGIN
        IF NOT public.abh_eingeschraenkt() THEN
            RETURN NEW;
        END IF;
        me := public.abh_sitzung_benutzer();
        IF TG_OP = 'INSERT' THEN
            IF me IS NULL OR NEW.proposed_by_id IS DISTINCT FROM me OR NEW.status <> 'zur_pruefung'
               OR NEW.reviewed_by_id IS NOT NULL THEN
                RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Eine Bewilligung entsteht als Vorschlag '
                    'der angemeldeten Person, nie schon erteilt oder geprüft.';
            END IF;
            RETURN NEW;
        END IF;
        IF NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.proposed_by_id IS DISTINCT FROM OLD.proposed_by_id THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = 'Vorgang und Vorschlagende einer Bewilligung ändert niemand.';
        END IF;
        IF OLD.status = 'erteilt' AND (NEW.status IS DISTINCT FROM OLD.status
               OR NEW.title_kind IS DISTINCT FROM OLD.title_kind OR NEW.legal_basis IS DISTINCT FROM OLD.legal_basis
               OR NEW.valid_from IS DISTINCT FROM OLD.valid_from OR NEW.valid_until IS DISTINCT FROM OLD.valid_until
               OR NEW.reviewed_by_id IS DISTINCT FROM OLD.reviewed_by_id) THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = 'Eine erteilte Bewilligung bleibt, wie sie erteilt wurde.';
        END IF;
        IF NEW.reviewed_by_id IS NOT NULL AND NEW.reviewed_by_id IS DISTINCT FROM OLD.reviewed_by_id THEN
            -- a review (approval or return): the reviewer's own session, a lead of the case's area
            -- (or of every area) who did not propose it
            IF me IS NULL OR NEW.reviewed_by_id IS DISTINCT FROM me THEN
                RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Freigeben oder zurückgeben kann nur '
                    'die Teamleitung, die selbst angemeldet ist und als Prüferin eingetragen wird.';
            END IF;
            SELECT * INTO lead FROM public.users u WHERE u.id = me;
            SELECT c.area_id INTO area FROM public.cases c WHERE c.id = NEW.case_id;
            IF lead.role <> 'teamleitung' OR NOT lead.active
               OR (lead.area_id IS NOT NULL AND lead.area_id IS DISTINCT FROM area) THEN
                RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Eine vorgelegte Bewilligung gibt nur die '
                    'Teamleitung des Bereichs frei oder zurück.';
            END IF;
            IF me IS NOT DISTINCT FROM NEW.proposed_by_id THEN
                RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Eine Bewilligung, die Sie selbst vorgelegt '
                    'haben, können Sie nicht selbst freigeben (Vier-Augen-Prinzip).';
            END IF;
            RETURN NEW;
        END IF;
        IF NEW.status = 'erteilt' AND OLD.status IS DISTINCT FROM 'erteilt' THEN
            IF NEW.reviewed_by_id IS NULL THEN
                SELECT s.value INTO policy FROM public.office_settings s WHERE s.key = 'grant_review';
                IF policy = 'alle' OR (policy = 'unbefristet' AND NEW.title_kind IS NOT NULL
                                       AND NEW.valid_until IS NULL) THEN
                    RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Die Behörde gibt diese Bewilligung '
                        'unter vier Augen frei: in Kraft setzt sie nur die Freigabe einer Teamleitung.';
                END IF;
                IF me IS NULL OR me IS DISTINCT FROM NEW.proposed_by_id THEN
                    RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Eine Bewilligung ohne Prüfung setzt nur '
                        'die angemeldete Person in Kraft, die sie vorlegt.';
                END IF;
            ELSIF me IS NULL OR me IS DISTINCT FROM NEW.reviewed_by_id THEN
                RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Eine geprüfte Bewilligung setzt nur die '
                    'Teamleitung in Kraft, die sie geprüft hat.';
            END IF;
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER grants_vier_augen BEFORE INSERT OR UPDATE ON public.grants "
    "FOR EACH ROW EXECUTE FUNCTION public.abh_bewilligung_pruefen()",
    f"""CREATE FUNCTION public.abh_einstellungen_pruefen() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    DECLARE
        me integer;
    BEGIN
        IF NOT public.abh_eingeschraenkt() THEN
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.value IS NOT DISTINCT FROM OLD.value AND NEW.key = OLD.key THEN
            RETURN NEW;
        END IF;
        me := public.abh_sitzung_benutzer();
        IF me IS NULL OR NOT public.abh_ist_verwaltung(me) THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Die Einstellungen der Behörde (auch ob '
                'Bewilligungen unter vier Augen freigegeben werden) ändert nur die angemeldete Administration.';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END $$""",
    "CREATE TRIGGER office_settings_nur_verwaltung BEFORE INSERT OR UPDATE OR DELETE ON public.office_settings "
    "FOR EACH ROW EXECUTE FUNCTION public.abh_einstellungen_pruefen()",
)

DOWN = (
    "DROP TRIGGER IF EXISTS office_settings_nur_verwaltung ON public.office_settings",
    "DROP TRIGGER IF EXISTS grants_vier_augen ON public.grants",
    "DROP FUNCTION IF EXISTS public.abh_einstellungen_pruefen()",
    "DROP FUNCTION IF EXISTS public.abh_bewilligung_pruefen()",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in DOWN:
        op.execute(statement)
