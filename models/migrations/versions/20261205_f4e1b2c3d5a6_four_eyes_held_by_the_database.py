"""Four eyes held by the PostgreSQL server (issue 24, part 1): sign-in sessions on the server, and
triggers that check them where the connection's login is not the tables' owner.

The server keeps its own password verifier per user (bcrypt, pgcrypto) and the sessions of signed-in
users (only a SHA-256 of each token) in the schema ``abh_sign_in``, which no login but the owner
may use. ``abh_anmelden(name, passwort)`` checks a password (failures counted in one statement, a
lock after five) and returns a session token; the program sets it in every writing transaction
(``set_config('abh.sitzung', token, true)``). SECURITY DEFINER functions with a fixed search path
answer who the session's user is, end a session, set a verifier (one's own, or anyone's from an
administrator's session) and open a session for an administrator's access token.

Triggers hold for every login that is neither superuser nor member of the owner of ``users``
(the workstations' login): approving a rejection notice (or setting its reviewer) needs the session
of that reviewer, a team lead of the case's area who neither wrote nor edited it; an approved
notice's text and PDF stay as they are; users and access tokens change only from an
administrator's session (one's own password from one's own); an audit entry naming a user comes
only from that user's session. The owner's login (migrations, administration) is not restricted.

SQLite: nothing (one workstation; the file's owner is the limit).

Revision ID: f4e1b2c3d5a6
Revises: a7d3c1e9f2b4
Create Date: 2026-12-05 06:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "f4e1b2c3d5a6"
down_revision: str | None = "a7d3c1e9f2b4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The SQLSTATE of a refusal by these triggers (the program turns it into a German message).
REFUSED = "ABH24"
SCHEMA = "abh_sign_in"
#: Functions SECURITY DEFINER: they run as the owner; the search path is fixed (no object of the
#: caller's can stand in for one of ours).
DEFINER = f"SECURITY DEFINER SET search_path = {SCHEMA}, public, pg_temp"
RELEASED = "('freigegeben', 'versandt', 'bestandskraeftig', 'rechtsbehelf_eingegangen', 'aufgehoben')"
REJECTION = "ablehnungsbescheid"
NO_SESSION = (
    "Ohne gültige Anmeldung am Datenbankserver (abgemeldet, oder die Anmeldung ist älter als einen Tag): "
    "bitte abmelden und neu anmelden."
)


def _administration_only(name: str, also: str = "") -> str:
    """The start of a trigger function that lets the owner's login and an administrator's session
    (where ``also`` holds) pass; what follows decides for everyone else."""
    return f"""CREATE FUNCTION public.{name}() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    DECLARE
        me integer;
    BEGIN
        IF NOT public.abh_eingeschraenkt() THEN
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        me := public.abh_sitzung_benutzer();
        IF me IS NOT NULL AND public.abh_ist_verwaltung(me) {also} THEN
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;"""


STATEMENTS = (
    f"CREATE SCHEMA {SCHEMA}",
    f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC",
    f"CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA {SCHEMA}",
    f"""CREATE TABLE {SCHEMA}.passwords (
        user_id integer PRIMARY KEY REFERENCES public.users (id) ON DELETE CASCADE,
        verifier text NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz
    )""",
    f"""CREATE TABLE {SCHEMA}.sessions (
        token_hash bytea PRIMARY KEY,
        user_id integer NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
    )""",
    f"REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM PUBLIC",
    # Restricted: every login but a superuser and the members of the tables' owner.
    f"""CREATE FUNCTION public.abh_eingeschraenkt() RETURNS boolean LANGUAGE plpgsql STABLE {DEFINER} AS $$
    BEGIN
        RETURN NOT EXISTS (
            SELECT 1 FROM pg_catalog.pg_roles r, pg_catalog.pg_class c
            WHERE r.rolname = session_user AND c.oid = 'public.users'::regclass
              AND (r.rolsuper OR pg_catalog.pg_has_role(session_user, c.relowner, 'MEMBER'))
        );
    END $$""",
    f"""CREATE FUNCTION public.abh_sitzung_benutzer() RETURNS integer LANGUAGE plpgsql STABLE {DEFINER} AS $$
    DECLARE
        token text := current_setting('abh.sitzung', true);
        found_id integer;
    BEGIN
        IF token IS NULL OR token = '' THEN
            RETURN NULL;
        END IF;
        SELECT s.user_id INTO found_id FROM sessions s JOIN public.users u ON u.id = s.user_id
        WHERE s.token_hash = digest(token, 'sha256') AND s.ended_at IS NULL
          AND s.started_at > now() - interval '1 day' AND u.active;
        RETURN found_id;
    END $$""",
    f"""CREATE FUNCTION public.abh_ist_verwaltung(user_id integer) RETURNS boolean LANGUAGE sql STABLE {DEFINER}
    AS $$ SELECT EXISTS (SELECT 1 FROM public.users u WHERE u.id = $1 AND u.role = 'administration' AND u.active) $$""",
    f"""CREATE FUNCTION {SCHEMA}.new_session(user_id integer) RETURNS text LANGUAGE plpgsql VOLATILE {DEFINER} AS $$
    DECLARE
        token text := encode(gen_random_bytes(32), 'hex');
    BEGIN
        INSERT INTO sessions (token_hash, user_id) VALUES (digest(token, 'sha256'), user_id);
        RETURN token;
    END $$""",
    f"REVOKE ALL ON FUNCTION {SCHEMA}.new_session(integer) FROM PUBLIC",
    # A wrong password returns NULL (a raised error would roll the counted failure back).
    f"""CREATE FUNCTION public.abh_anmelden(name text, passwort text) RETURNS text LANGUAGE plpgsql VOLATILE
    {DEFINER} AS $$
    DECLARE
        found_id integer;
        stored passwords%ROWTYPE;
        counted integer;
    BEGIN
        SELECT u.id INTO found_id FROM public.users u WHERE u.username = lower(btrim(name)) AND u.active;
        IF found_id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'ABH01', MESSAGE = 'Benutzername oder Passwort falsch.';
        END IF;
        SELECT * INTO stored FROM passwords p WHERE p.user_id = found_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'ABH02',
                MESSAGE = 'Für diesen Benutzer ist auf dem Datenbankserver noch kein Passwort gesetzt.';
        END IF;
        IF stored.locked_until IS NOT NULL AND stored.locked_until > clock_timestamp() THEN
            RAISE EXCEPTION USING ERRCODE = 'ABH03',
                MESSAGE = 'Nach mehreren falschen Passwörtern ist die Anmeldung am Server vorübergehend gesperrt.';
        END IF;
        IF crypt(passwort, stored.verifier) IS DISTINCT FROM stored.verifier THEN
            UPDATE passwords p SET failures = p.failures + 1 WHERE p.user_id = found_id
                RETURNING p.failures INTO counted;
            IF counted >= 5 THEN
                UPDATE passwords p SET locked_until = clock_timestamp()
                    + least(interval '5 minutes' * power(2, least(counted - 5, 10)), interval '1 day')
                WHERE p.user_id = found_id;
            END IF;
            RETURN NULL;
        END IF;
        DELETE FROM sessions s WHERE s.started_at < now() - interval '7 days';  -- long over
        IF stored.failures <> 0 OR stored.locked_until IS NOT NULL THEN
            UPDATE passwords p SET failures = 0, locked_until = NULL WHERE p.user_id = found_id;
        END IF;
        RETURN new_session(found_id);
    END $$""",
    f"""CREATE FUNCTION public.abh_schluessel_anmelden(geheimnis text) RETURNS text LANGUAGE plpgsql VOLATILE
    {DEFINER} AS $$
    DECLARE
        found_id integer;
    BEGIN
        SELECT t.user_id INTO found_id FROM public.access_tokens t JOIN public.users u ON u.id = t.user_id
        WHERE t.token_hash = encode(digest(btrim(geheimnis), 'sha256'), 'hex') AND t.revoked_at IS NULL
          AND u.active;
        IF found_id IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'ABH01', MESSAGE = 'Zugangsschlüssel unbekannt oder widerrufen.';
        END IF;
        RETURN new_session(found_id);
    END $$""",
    f"""CREATE FUNCTION public.abh_abmelden(token text) RETURNS void LANGUAGE sql VOLATILE {DEFINER} AS $$
        UPDATE sessions SET ended_at = now() WHERE token_hash = digest($1, 'sha256') AND ended_at IS NULL
    $$""",
    # For the administration (``db rollen``): who cannot sign in on a workstation yet.
    f"""CREATE FUNCTION public.abh_ohne_serverpasswort() RETURNS SETOF text LANGUAGE sql STABLE {DEFINER} AS $$
        SELECT u.username FROM public.users u WHERE u.active
           AND NOT EXISTS (SELECT 1 FROM passwords p WHERE p.user_id = u.id) ORDER BY u.username
    $$""",
    # Unlocking the screen proves the password again: the session in use runs a day from now.
    f"""CREATE FUNCTION public.abh_sitzung_erneuern(alt text, neu text) RETURNS boolean LANGUAGE plpgsql
    VOLATILE {DEFINER} AS $$
    DECLARE
        renewed integer;
    BEGIN
        UPDATE sessions s SET started_at = now() WHERE s.token_hash = digest(alt, 'sha256') AND s.ended_at IS NULL
            AND s.user_id = (SELECT n.user_id FROM sessions n WHERE n.token_hash = digest(neu, 'sha256')
                             AND n.ended_at IS NULL AND n.started_at > now() - interval '1 day');
        GET DIAGNOSTICS renewed = ROW_COUNT;
        IF renewed = 1 THEN
            UPDATE sessions SET ended_at = now() WHERE token_hash = digest(neu, 'sha256');
        END IF;
        RETURN renewed = 1;
    END $$""",
    f"""CREATE FUNCTION public.abh_passwort_setzen(benutzer integer, passwort text) RETURNS void LANGUAGE plpgsql
    VOLATILE {DEFINER} AS $$
    DECLARE
        me integer := public.abh_sitzung_benutzer();
    BEGIN
        IF public.abh_eingeschraenkt() AND (me IS NULL OR (me <> benutzer AND NOT public.abh_ist_verwaltung(me))) THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = 'Passwörter anderer Benutzer setzt nur die angemeldete Administration.';
        END IF;
        IF passwort IS NULL OR length(passwort) < 8 THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Das Passwort braucht mindestens 8 Zeichen.';
        END IF;
        INSERT INTO passwords (user_id, verifier) VALUES (benutzer, crypt(passwort, gen_salt('bf', 8)))
        ON CONFLICT (user_id) DO UPDATE SET verifier = EXCLUDED.verifier, failures = 0, locked_until = NULL;
    END $$""",
    # --- the triggers ---
    f"""CREATE FUNCTION public.abh_freigabe_pruefen() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    DECLARE
        me integer;
        lead public.users%ROWTYPE;
        area integer;
        approving boolean;
    BEGIN
        IF NOT public.abh_eingeschraenkt() THEN
            RETURN NEW;
        END IF;
        IF NEW.kind <> '{REJECTION}' AND (TG_OP = 'INSERT' OR OLD.kind <> '{REJECTION}') THEN
            RETURN NEW;
        END IF;
        me := public.abh_sitzung_benutzer();
        IF TG_OP = 'INSERT' THEN
            IF NEW.status IN {RELEASED} OR NEW.reviewed_by_id IS NOT NULL
               OR NEW.created_by_id IS DISTINCT FROM me OR NEW.last_edited_by_id IS DISTINCT FROM me
                  AND NEW.last_edited_by_id IS NOT NULL THEN
                RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Ein Ablehnungsbescheid entsteht als '
                    'Entwurf der angemeldeten Person, nie schon geprüft oder freigegeben.';
            END IF;
            RETURN NEW;
        END IF;
        IF NEW.kind IS DISTINCT FROM OLD.kind OR NEW.created_by_id IS DISTINCT FROM OLD.created_by_id
           OR NEW.last_edited_by_id IS DISTINCT FROM OLD.last_edited_by_id AND NEW.last_edited_by_id IS DISTINCT FROM me
           OR NEW.case_id IS DISTINCT FROM OLD.case_id THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Art, Vorgang, Verfasser und Bearbeiter eines '
                'Ablehnungsbescheids ändert niemand außer der angemeldeten Person selbst.';
        END IF;
        IF OLD.status IN {RELEASED} AND NEW.status IN {RELEASED}
           AND (NEW.data_json IS DISTINCT FROM OLD.data_json OR NEW.pdf IS DISTINCT FROM OLD.pdf
                OR NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256
                OR NEW.reviewed_by_id IS DISTINCT FROM OLD.reviewed_by_id
                OR NEW.reviewed_at IS DISTINCT FROM OLD.reviewed_at) THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Text, PDF und Freigabe eines freigegebenen '
                'Bescheids bleiben, wie die Teamleitung sie freigegeben hat.';
        END IF;
        approving := NEW.status IN {RELEASED} AND OLD.status NOT IN {RELEASED};
        IF NOT approving
           AND (NEW.reviewed_by_id IS NULL OR NEW.reviewed_by_id IS NOT DISTINCT FROM OLD.reviewed_by_id) THEN
            RETURN NEW;
        END IF;
        -- A review (approval, or a return naming its reviewer): the reviewer's own session, a team
        -- lead of the case's area (or of every area) who neither wrote nor edited the notice.
        IF approving AND (OLD.status <> 'zur_pruefung' OR NEW.status <> 'freigegeben') THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = 'Freigegeben wird nur ein Bescheid, der zur Prüfung vorliegt.';
        END IF;
        IF me IS NULL OR NEW.reviewed_by_id IS DISTINCT FROM me THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Freigeben oder zurückgeben kann nur die '
                'Teamleitung, die selbst angemeldet ist und als Prüferin eingetragen wird.';
        END IF;
        SELECT * INTO lead FROM public.users u WHERE u.id = me;
        SELECT c.area_id INTO area FROM public.cases c WHERE c.id = NEW.case_id;
        IF lead.role <> 'teamleitung' OR NOT lead.active OR (lead.area_id IS NOT NULL AND lead.area_id <> area) THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = 'Bescheide gibt nur die Teamleitung des Bereichs frei (oder eine ohne Bereich).';
        END IF;
        IF me IN (OLD.created_by_id, NEW.created_by_id, OLD.last_edited_by_id, NEW.last_edited_by_id)
           OR EXISTS (SELECT 1 FROM public.audit_events e WHERE e.entity = 'letter' AND e.entity_id = NEW.id
                      AND e.action = 'bescheid_bearbeiten' AND e.user_id = me) THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Einen Bescheid, den Sie selbst entworfen oder '
                'mitbearbeitet haben, können Sie nicht selbst prüfen (Vier-Augen-Prinzip).';
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER letters_vier_augen BEFORE INSERT OR UPDATE ON public.letters "
    "FOR EACH ROW EXECUTE FUNCTION public.abh_freigabe_pruefen()",
    _administration_only("abh_benutzer_pruefen")
    + f"""
        -- Without an administrator's session: the sign-in's counters and time stamps, one's own
        -- password and contact details.
        IF TG_OP = 'UPDATE'
           AND (NEW.id, NEW.username, NEW.display_name, NEW.role, NEW.area_id, NEW.active, NEW.created_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.username, OLD.display_name, OLD.role, OLD.area_id, OLD.active,
                                     OLD.created_at)
           AND (NEW.password_hash IS NOT DISTINCT FROM OLD.password_hash OR me = OLD.id)
           AND (NEW.phone IS NOT DISTINCT FROM OLD.phone AND NEW.email IS NOT DISTINCT FROM OLD.email
                OR me = OLD.id) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Benutzer, Rollen und Passwörter anderer ändert nur '
            'die angemeldete Administration.';
    END $$""",
    "CREATE TRIGGER users_nur_verwaltung BEFORE INSERT OR UPDATE OR DELETE ON public.users "
    "FOR EACH ROW EXECUTE FUNCTION public.abh_benutzer_pruefen()",
    _administration_only(
        "abh_schluessel_pruefen", "AND (TG_OP <> 'INSERT' OR NEW.created_by_id IS NOT DISTINCT FROM me)"
    )
    + f"""
        IF TG_OP = 'UPDATE' AND (NEW.id, NEW.user_id, NEW.token_hash, NEW.valid_until, NEW.revoked_at,
                                 NEW.created_by_id)
           IS NOT DISTINCT FROM (OLD.id, OLD.user_id, OLD.token_hash, OLD.valid_until, OLD.revoked_at,
                                 OLD.created_by_id) THEN
            RETURN NEW;  -- when it was last used
        END IF;
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
            MESSAGE = 'Zugangsschlüssel gibt nur die angemeldete Administration aus oder zurück.';
    END $$""",
    "CREATE TRIGGER access_tokens_nur_verwaltung BEFORE INSERT OR UPDATE OR DELETE ON public.access_tokens "
    "FOR EACH ROW EXECUTE FUNCTION public.abh_schluessel_pruefen()",
    f"""CREATE FUNCTION public.abh_protokoll_pruefen() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    DECLARE
        me integer;
    BEGIN
        IF NEW.user_id IS NULL OR NOT public.abh_eingeschraenkt() THEN
            RETURN NEW;
        END IF;
        me := public.abh_sitzung_benutzer();
        IF me IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = '{NO_SESSION}';
        END IF;
        IF NEW.user_id <> me THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = 'Ein Protokolleintrag nennt nur den Benutzer, '
                'der selbst angemeldet ist.';
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER audit_events_eigene_sitzung BEFORE INSERT ON public.audit_events "
    "FOR EACH ROW EXECUTE FUNCTION public.abh_protokoll_pruefen()",
)

DOWN = (
    "DROP TRIGGER IF EXISTS audit_events_eigene_sitzung ON public.audit_events",
    "DROP TRIGGER IF EXISTS access_tokens_nur_verwaltung ON public.access_tokens",
    "DROP TRIGGER IF EXISTS users_nur_verwaltung ON public.users",
    "DROP TRIGGER IF EXISTS letters_vier_augen ON public.letters",
    "DROP FUNCTION IF EXISTS public.abh_protokoll_pruefen()",
    "DROP FUNCTION IF EXISTS public.abh_schluessel_pruefen()",
    "DROP FUNCTION IF EXISTS public.abh_benutzer_pruefen()",
    "DROP FUNCTION IF EXISTS public.abh_freigabe_pruefen()",
    "DROP FUNCTION IF EXISTS public.abh_passwort_setzen(integer, text)",
    "DROP FUNCTION IF EXISTS public.abh_abmelden(text)",
    "DROP FUNCTION IF EXISTS public.abh_sitzung_erneuern(text, text)",
    "DROP FUNCTION IF EXISTS public.abh_ohne_serverpasswort()",
    "DROP FUNCTION IF EXISTS public.abh_schluessel_anmelden(text)",
    "DROP FUNCTION IF EXISTS public.abh_anmelden(text, text)",
    "DROP FUNCTION IF EXISTS public.abh_ist_verwaltung(integer)",
    "DROP FUNCTION IF EXISTS public.abh_sitzung_benutzer()",
    "DROP FUNCTION IF EXISTS public.abh_eingeschraenkt()",
    f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE",
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
