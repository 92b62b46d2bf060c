<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="46" />
        <source>ABH Desk</source>
        <translation>ABH Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51" />
        <source>Search: name, date of birth (DD.MM.YYYY or year), file number or passport no.  (Ctrl+F)</source>
        <translation>Suche: Name, Geburtsdatum (TT.MM.JJJJ oder Jahr), Aktenzeichen oder Passnummer  (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58" />
        <source>No person selected.</source>
        <translation>Keine Person ausgewählt.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>Residence title</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>unlimited</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69" />
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72" />
        <source>Applied on</source>
        <translation>Antrag vom</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73" />
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86" />
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110" />
        <source>Residence titles</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>Cases</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="150" />
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n Person gefunden</numerusform><numerusform>%n Personen gefunden</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>Passport %1</source>
        <translation>Pass %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180" />
        <source>Unexpected error: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>PersonResultModel</name>
    <message>
        <location filename="../../ui/person_table.py" line="35" />
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <location filename="../../ui/person_table.py" line="35" />
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <location filename="../../ui/person_table.py" line="35" />
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/person_table.py" line="36" />
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/person_table.py" line="36" />
        <source>Passport no.</source>
        <translation>Passnummer</translation>
    </message>
    <message>
        <location filename="../../ui/person_table.py" line="36" />
        <source>Place of residence</source>
        <translation>Wohnort</translation>
    </message>
</context>
</TS>