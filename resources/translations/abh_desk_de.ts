<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../ui/case_dialog.py" line="73" />
        <source>Case</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="81" />
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="82" />
        <source>Documents</source>
        <translation>Unterlagen</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="85" />
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="86" />
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="87" />
        <location filename="../../ui/case_dialog.py" line="177" />
        <location filename="../../ui/case_dialog.py" line="205" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="88" />
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="91" />
        <source>Deadlines</source>
        <translation>Fristen</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="92" />
        <source>Letters</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="93" />
        <source>The eAT card's way is recorded here.</source>
        <translation>Hier wird der Weg der eAT-Karte festgehalten.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="93" />
        <source>eAT</source>
        <translation>eAT</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="96" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="97" />
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="98" />
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="99" />
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="102" />
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="122" />
        <source>Letter</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="123" />
        <source>Made on</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="124" />
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="125" />
        <source>Fingerprint (SHA-256)</source>
        <translation>Prüfsumme (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="129" />
        <source>Request missing documents</source>
        <translation>Fehlende Unterlagen nachfordern</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="130" />
        <source>Save PDF…</source>
        <translation>PDF speichern …</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="154" />
        <source>Please choose a letter.</source>
        <translation>Bitte ein Schreiben auswählen.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="157" />
        <source>Save letter</source>
        <translation>Schreiben speichern</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="172" />
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="173" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="174" />
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="175" />
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="176" />
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="178" />
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="179" />
        <source>Deputy</source>
        <translation>Vertretung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="180" />
        <source>Applied on</source>
        <translation>Antrag vom</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="181" />
        <source>Decided on</source>
        <translation>Entschieden am</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="182" />
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="188" />
        <source>What applies in this case (shows the matching documents)</source>
        <translation>Was trifft in diesem Vorgang zu (zeigt die passenden Unterlagen)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="203" />
        <source>Document</source>
        <translation>Unterlage</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="204" />
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="204" />
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="206" />
        <source>Received on</source>
        <translation>Eingang am</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="207" />
        <source>Reason for waiver</source>
        <translation>Grund des Verzichts</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="211" />
        <source>Received (Space)</source>
        <translation>Eingegangen (Leertaste)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="212" />
        <source>Missing again (Del)</source>
        <translation>Fehlt wieder (Entf)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="213" />
        <source>Waive… (Ctrl+W)</source>
        <translation>Verzicht … (Strg+W)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="214" />
        <source>Further document… (Ctrl+N)</source>
        <translation>Weitere Unterlage … (Strg+N)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="258" />
        <source>Case %1 – %2</source>
        <translation>Vorgang %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="278" />
        <source>%1 of %2 documents still missing</source>
        <translation>%1 von %2 Unterlagen fehlen noch</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="340" />
        <source>Waive document</source>
        <translation>Auf Unterlage verzichten</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="340" />
        <source>Reason for waiving „%1“:</source>
        <translation>Grund für den Verzicht auf „%1“:</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="350" />
        <source>Further document</source>
        <translation>Weitere Unterlage</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="350" />
        <source>Which document is needed as well?</source>
        <translation>Welche Unterlage wird zusätzlich benötigt?</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/case_list_page.py" line="37" />
        <source>open cases</source>
        <translation>offene Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="38" />
        <source>all cases</source>
        <translation>alle Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="40" />
        <source>all caseworkers</source>
        <translation>alle Sachbearbeitenden</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="41" />
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="46" />
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="47" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="48" />
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="49" />
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="50" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="51" />
        <source>Applied on</source>
        <translation>Antrag vom</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="53" />
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="54" />
        <source> (as deputy)</source>
        <translation> (in Vertretung)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="80" />
        <source>My cases (including those I deputise)</source>
        <translation>Meine Fälle (einschließlich Vertretung)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="86" />
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/case_list_page.py" line="101" />
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n Vorgang</numerusform><numerusform>%n Vorgänge</numerusform></translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location filename="../../ui/deadlines_page.py" line="43" />
        <source>My deadlines (with deputised colleagues)</source>
        <translation>Meine Fristen (mit Vertretungen)</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="44" />
        <source>My area</source>
        <translation>Mein Bereich</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="46" />
        <source>All areas</source>
        <translation>Alle Bereiche</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="49" />
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="52" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="53" />
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="54" />
        <location filename="../../ui/deadlines_page.py" line="68" />
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="55" />
        <location filename="../../ui/deadlines_page.py" line="65" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="56" />
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="57" />
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="58" />
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="64" />
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="66" />
        <source>Residence title</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="67" />
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="74" />
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="75" />
        <source>Reminder letters for the selection…</source>
        <translation>Erinnerungen für die Auswahl …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deadlines_page.py" line="114" />
        <source>Reminder letters for %n selected title(s)…</source>
        <translation>
            <numerusform>Erinnerung für %n ausgewählten Titel …</numerusform><numerusform>Erinnerungen für %n ausgewählte Titel …</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="118" />
        <source>Save reminder letters</source>
        <translation>Erinnerungsschreiben speichern</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deadlines_page.py" line="128" />
        <source>%n reminder letter(s) saved to %1</source>
        <translation>
            <numerusform>%n Erinnerungsschreiben gespeichert in %1</numerusform><numerusform>%n Erinnerungsschreiben gespeichert in %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="140" />
        <source>%1 overdue · %2 today · %3 this week · %4 in the next eight weeks</source>
        <translation>%1 überfällig · %2 heute · %3 diese Woche · %4 in den nächsten acht Wochen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deadlines_page.py" line="148" />
        <source>%n title(s) expire within eight weeks with no application filed</source>
        <translation>
            <numerusform>%n Titel läuft in den nächsten acht Wochen ab, ohne dass ein Antrag vorliegt</numerusform><numerusform>%n Titel laufen in den nächsten acht Wochen ab, ohne dass ein Antrag vorliegt</numerusform></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="30" />
        <source>ABH Desk – Sign in</source>
        <translation>ABH Desk – Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="36" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="38" />
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="39" />
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="41" />
        <source>Please sign in. Personal data is shown only to signed-in users.</source>
        <translation>Bitte anmelden. Personenbezogene Daten werden nur angemeldeten Benutzern angezeigt.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="53" />
        <source>Please enter user name and password.</source>
        <translation>Bitte Benutzername und Passwort eingeben.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="41" />
        <source>ABH Desk</source>
        <translation>ABH Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52" />
        <source>&amp;Person search</source>
        <translation>&amp;Personensuche</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45" />
        <source>Good day, %1</source>
        <translation>Guten Tag, %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51" />
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53" />
        <source>&amp;Deadlines</source>
        <translation>&amp;Fristen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54" />
        <source>&amp;My cases</source>
        <translation>&amp;Meine Fälle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55" />
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68" />
        <source>Signed in: %1 (%2)</source>
        <translation>Angemeldet: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <source>&amp;Language…</source>
        <translation>&amp;Sprache …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96" />
        <source>New &amp;person…</source>
        <translation>Neue &amp;Person …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98" />
        <source>&amp;Edit master data…</source>
        <translation>&amp;Stammdaten bearbeiten …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100" />
        <source>New &amp;case for this person…</source>
        <translation>Neuer &amp;Vorgang für diese Person …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>&amp;Responsibility by letter…</source>
        <translation>&amp;Zuständigkeiten nach Buchstaben …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108" />
        <source>&amp;Administration</source>
        <translation>&amp;Verwaltung</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>Language of the window (from the next start):</source>
        <translation>Sprache des Fensters (ab dem nächsten Start):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>Language saved: %1 (from the next start).</source>
        <translation>Sprache gespeichert: %1 (ab dem nächsten Start).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <location filename="../../ui/main_window.py" line="170" />
        <source>Please open a person first (Ctrl+F).</source>
        <translation>Bitte zuerst eine Person öffnen (Strg+F).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="46" />
        <source>New case for %1</source>
        <translation>Neuer Vorgang für %1</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="48" />
        <source>Search the catalogue: e.g. “blaue karte”, “16a”, “sprachkurs”</source>
        <translation>Katalog durchsuchen: z. B. „blaue karte“, „16a“, „sprachkurs“</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="60" />
        <source>Open case</source>
        <translation>Vorgang anlegen</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="62" />
        <source>Application received on:</source>
        <translation>Antrag eingegangen am:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="96" />
        <source>Please choose a procedure.</source>
        <translation>Bitte eine Leistung auswählen.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="108" />
        <source>File number %1 · caseworker: %2</source>
        <translation>Aktenzeichen %1 · zuständig: %2</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="112" />
        <source>Show case</source>
        <translation>Vorgang anzeigen</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/person_dialog.py" line="68" />
        <source>Edit person</source>
        <translation>Stammdaten bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="68" />
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="73" />
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="74" />
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="75" />
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="76" />
        <source>Place of birth</source>
        <translation>Geburtsort</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="77" />
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="78" />
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="79" />
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="80" />
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="81" />
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="82" />
        <source>Passport no.</source>
        <translation>Passnummer</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="83" />
        <source>AZR no.</source>
        <translation>AZR-Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="88" />
        <source>DD.MM.YYYY, unknown parts 00</source>
        <translation>TT.MM.JJJJ, Unbekanntes als 00</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="124" />
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="125" />
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="126" />
        <source>diverse</source>
        <translation>divers</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="127" />
        <source>not stated</source>
        <translation>ohne Angabe</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="168" />
        <source>Possibly already recorded: %1</source>
        <translation>Möglicherweise schon erfasst: %1</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="203" />
        <source>Please correct the marked fields. Nothing was saved.</source>
        <translation>Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../ui/rules_dialog.py" line="45" />
        <source>Responsibility by surname letter</source>
        <translation>Zuständigkeit nach Anfangsbuchstaben</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="54" />
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="54" />
        <source>Letters (e.g. A–B, D–G, Ala–Alz)</source>
        <translation>Buchstaben (z. B. A–B, D–G, Ala–Alz)</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="57" />
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="58" />
        <source>Remove row</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="64" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="65" />
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="66" />
        <source>Open cases</source>
        <translation>Offene Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="74" />
        <source>Reason for the change (goes into the log)</source>
        <translation>Grund der Änderung (wird protokolliert)</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="75" />
        <source>Apply and move cases</source>
        <translation>Übernehmen und Vorgänge verschieben</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="77" />
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="93" />
        <source>Area:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="186" />
        <source>The rules cover A–Z without gaps or overlaps.</source>
        <translation>Die Regeln decken A–Z lückenlos und ohne Überschneidung ab.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/rules_dialog.py" line="193" />
        <source>Preview: %n open case(s) would move.</source>
        <translation>
            <numerusform>Vorschau: %n offener Vorgang würde verschoben.</numerusform><numerusform>Vorschau: %n offene Vorgänge würden verschoben.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/rules_dialog.py" line="211" />
        <source>Applied: %n open case(s) moved.</source>
        <translation>
            <numerusform>Übernommen: %n offener Vorgang verschoben.</numerusform><numerusform>Übernommen: %n offene Vorgänge verschoben.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="219" />
        <source>Moving open cases…</source>
        <translation>Offene Vorgänge werden verschoben …</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../ui/search_page.py" line="59" />
        <source>Search: name, date of birth (DD.MM.YYYY or year), file number or passport no.  (Ctrl+F)</source>
        <translation>Suche: Name, Geburtsdatum (TT.MM.JJJJ oder Jahr), Aktenzeichen oder Passnummer  (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="67" />
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="68" />
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="69" />
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="70" />
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="71" />
        <source>Passport no.</source>
        <translation>Passnummer</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="72" />
        <source>Place of residence</source>
        <translation>Wohnort</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="78" />
        <source>No person selected.</source>
        <translation>Keine Person ausgewählt.</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="84" />
        <source>Residence title</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="85" />
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="86" />
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="88" />
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="89" />
        <source>unlimited</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="96" />
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="97" />
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="98" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="99" />
        <source>Applied on</source>
        <translation>Antrag vom</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="100" />
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="101" />
        <source>Deputy</source>
        <translation>Vertretung</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="125" />
        <source>Residence titles</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="127" />
        <source>Cases</source>
        <translation>Vorgänge</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search_page.py" line="152" />
        <location filename="../../ui/search_page.py" line="161" />
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n Person gefunden</numerusform><numerusform>%n Personen gefunden</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="154" />
        <source>more than %1 persons found …</source>
        <translation>mehr als %1 Personen gefunden …</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="189" />
        <source>Passport %1</source>
        <translation>Pass %1</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="198" />
        <source>Unexpected error: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/start_page.py" line="45" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="46" />
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="47" />
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="48" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="49" />
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="53" />
        <source>My deadlines: overdue, today, this week</source>
        <translation>Meine Fristen: überfällig, heute, diese Woche</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="57" />
        <source>All deadlines (F6)</source>
        <translation>Alle Fristen (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="59" />
        <source>My open cases</source>
        <translation>Meine offenen Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="62" />
        <source>My cases (F7)</source>
        <translation>Meine Fälle (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="88" />
        <source>%1
overdue</source>
        <translation>%1
überfällig</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="89" />
        <source>%1
due today</source>
        <translation>%1
heute fällig</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="90" />
        <source>%1
this week</source>
        <translation>%1
diese Woche</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="100" />
        <source>My open cases: %1</source>
        <translation>Meine offenen Vorgänge: %1</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/tasks.py" line="133" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="67"/>
        <source>ABH Desk – Setting up this workstation</source>
        <translation>ABH Desk – Einrichtung des Arbeitsplatzes</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="73"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="74"/>
        <location filename="../../ui/first_start_dialog.py" line="226"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="76"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="115"/>
        <source>This workstation is not set up yet. Where shall ABH Desk keep its data?</source>
        <translation>Dieser Arbeitsplatz ist noch nicht eingerichtet. Wo soll ABH Desk seine Daten speichern?</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="117"/>
        <source>&amp;Standalone: a database file on this computer</source>
        <translation>&amp;Einzelplatz: eine Datenbankdatei auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="118"/>
        <source>Office &amp;server (PostgreSQL), shared by several workstations</source>
        <translation>&amp;Server der Behörde (PostgreSQL), für mehrere Arbeitsplätze</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="120"/>
        <source>&amp;Demo: try the program at once with %1 invented persons</source>
        <translation>&amp;Demo: das Programm sofort mit %1 erfundenen Personen ausprobieren</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="134"/>
        <source>Database &amp;file:</source>
        <translation>Datenbank&amp;datei:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="136"/>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="137"/>
        <location filename="../../ui/first_start_dialog.py" line="202"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="140"/>
        <source>The connection is tested before anything is saved. The password is kept in the operating system&apos;s keyring, never in a file.</source>
        <translation>Die Verbindung wird geprüft, bevor etwas gespeichert wird. Das Passwort kommt in den Schlüsselbund des Betriebssystems, nie in eine Datei.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="153"/>
        <source>Sign in as osswald (administrator) with the password abh-demo.</source>
        <translation>Anmeldung als osswald (Administration) mit dem Passwort abh-demo.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="164"/>
        <source>e.g. Stadt Singen (Hohentwiel)</source>
        <translation>z. B. Stadt Singen (Hohentwiel)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="167"/>
        <source>e.g. 78224 Singen (Hohentwiel)</source>
        <translation>z. B. 78224 Singen (Hohentwiel)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="174"/>
        <source>e.g. Verwaltungsgericht Freiburg</source>
        <translation>z. B. Verwaltungsgericht Freiburg</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="176"/>
        <source>e.g. Habsburgerstraße 103, 79104 Freiburg im Breisgau</source>
        <translation>z. B. Habsburgerstraße 103, 79104 Freiburg im Breisgau</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="177"/>
        <source>The office (printed on every letter, the same on every workstation)</source>
        <translation>Die Behörde (steht auf jedem Schreiben, gilt für alle Arbeitsplätze)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="180"/>
        <source>&amp;Authority:</source>
        <translation>&amp;Behörde:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="181"/>
        <source>S&amp;treet:</source>
        <translation>S&amp;traße:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="182"/>
        <source>&amp;Postcode and town:</source>
        <translation>&amp;Postleitzahl und Ort:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="183"/>
        <source>&amp;Land:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="184"/>
        <source>P&amp;hone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="185"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="186"/>
        <source>&amp;Court for lawsuits:</source>
        <translation>Verwaltungs&amp;gericht (für Klagen):</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="187"/>
        <source>Court&apos;s add&amp;ress:</source>
        <translation>&amp;Anschrift des Gerichts:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="192"/>
        <source>e.g. Mr Oßwald</source>
        <translation>z. B. Herr Oßwald</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="197"/>
        <source>First administrator (signs in and creates the other users)</source>
        <translation>Erste Administration (meldet sich an und legt die weiteren Benutzer an)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="200"/>
        <source>&amp;User name:</source>
        <translation>Ben&amp;utzername:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="201"/>
        <source>&amp;Name shown:</source>
        <translation>Angezeigter &amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="203"/>
        <source>Re&amp;peat password:</source>
        <translation>Passwort wie&amp;derholen:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="226"/>
        <source>Start demo</source>
        <translation>Demo starten</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="232"/>
        <source>Set up</source>
        <translation>Einrichten</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="260"/>
        <source>Please correct the marked fields. Nothing was saved.</source>
        <translation>Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="285"/>
        <source>Connecting and preparing the database …</source>
        <translation>Verbinde und bereite die Datenbank vor …</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="314"/>
        <source>The office settings are already stored in this database; they apply to every workstation and stay as they are. An administrator changes them with abh-desk einstellungen.</source>
        <translation>Die Behördeneinstellungen sind in dieser Datenbank schon gespeichert; sie gelten für alle Arbeitsplätze und bleiben, wie sie sind. Ändern kann sie die Administration (abh-desk einstellungen).</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="320"/>
        <source>A new database: please enter your office&apos;s details. They apply to every workstation.</source>
        <translation>Eine neue Datenbank: bitte die Angaben der Behörde eintragen. Sie gelten für alle Arbeitsplätze.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="348"/>
        <source>Saving …</source>
        <translation>Speichere …</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="369"/>
        <source>Creating the demo office …</source>
        <translation>Lege die Demo-Behörde an …</translation>
    </message>
</context>
</TS>