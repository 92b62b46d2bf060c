<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppointmentsPage</name>
    <message>
        <location filename="../../ui/appointments_page.py" line="69"/>
        <source>Whole office</source>
        <translation>Ganze Behörde</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="74"/>
        <source>Time / No.</source>
        <translation>Zeit / Nr.</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="75"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="76"/>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="77"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="78"/>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="79"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="80"/>
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="81"/>
        <source>Room</source>
        <translation>Zimmer</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="82"/>
        <source>Concern</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="87"/>
        <source>&amp;Arrived</source>
        <translation>&amp;Angekommen</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="88"/>
        <source>&amp;No-show</source>
        <translation>&amp;Nicht erschienen</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="89"/>
        <source>Don&amp;e</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="90"/>
        <source>Walk-&amp;in…</source>
        <translation>V&amp;orsprache…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="91"/>
        <source>Boo&amp;k…</source>
        <translation>Bu&amp;chen…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="92"/>
        <source>Re&amp;schedule…</source>
        <translation>&amp;Umbuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="93"/>
        <source>Cancel appoint&amp;ment…</source>
        <translation>Absa&amp;gen…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="94"/>
        <source>Invitation &amp;letter…</source>
        <translation>Ein&amp;ladung…</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="116"/>
        <source>Day at the counter</source>
        <translation>Tag an der Theke</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="117"/>
        <source>Week of a caseworker</source>
        <translation>Woche einer Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="119"/>
        <source>Day:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="120"/>
        <source>Caseworker:</source>
        <translation>Sachbearbeitung:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/appointments_page.py" line="201"/>
        <source>%n appointment(s) and walk-in(s)</source>
        <translation>
            <numerusform>%n Termin oder Vorsprache</numerusform>
            <numerusform>%n Termine und Vorsprachen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/appointments_page.py" line="202"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="204"/>
        <source>longest wait %1 min</source>
        <translation>längste Wartezeit %1 min</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="217"/>
        <source>Please choose a caseworker.</source>
        <translation>Bitte eine Sachbearbeitung wählen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/appointments_page.py" line="225"/>
        <source>%1 · week from %2 · %n appointment(s)</source>
        <translation>
            <numerusform>%1 · Woche ab %2 · %n Termin</numerusform>
            <numerusform>%1 · Woche ab %2 · %n Termine</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="254"/>
        <source>Walk-in: who is at the counter?</source>
        <translation>Vorsprache: Wer steht an der Theke?</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="264"/>
        <source>Waiting number %1: %2</source>
        <translation>Wartenummer %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="279"/>
        <source>Book: for whom?</source>
        <translation>Termin buchen: für wen?</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="300"/>
        <source>Booked: %1 with %2 – %3</source>
        <translation>Gebucht: %1 bei %2 – %3</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="310"/>
        <source>Only a booked appointment can be rebooked.</source>
        <translation>Umbuchen lässt sich nur ein gebuchter Termin.</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="324"/>
        <source>Cancel appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="325"/>
        <source>Why is the appointment %1 cancelled?</source>
        <translation>Warum wird der Termin %1 abgesagt?</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="336"/>
        <source>Save the invitation</source>
        <translation>Einladung speichern</translation>
    </message>
    <message>
        <location filename="../../ui/appointments_page.py" line="348"/>
        <source>Invitation saved: %1</source>
        <translation>Einladung gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <location filename="../../ui/card_steps.py" line="49"/>
        <source>eAT arrived</source>
        <translation>eAT eingegangen</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="53"/>
        <source>nine letters and digits, e.g. Y7K2M4T9L</source>
        <translation>neun Buchstaben und Ziffern, z. B. Y7K2M4T9L</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="54"/>
        <source>Chip checked: data readable and correct</source>
        <translation>Chip geprüft: Daten lesbar und richtig</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="56"/>
        <source>Card serial number:</source>
        <translation>Seriennummer der Karte:</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="58"/>
        <source>Arrived on:</source>
        <translation>Eingegangen am:</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../ui/booking_dialog.py" line="58"/>
        <source>Rebook appointment</source>
        <translation>Termin umbuchen</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="58"/>
        <source>Book an appointment</source>
        <translation>Termin buchen</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="69"/>
        <source>Why the appointment moves</source>
        <translation>Warum der Termin verlegt wird</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="77"/>
        <source>&amp;Rebook (Enter)</source>
        <translation>&amp;Umbuchen (Eingabe)</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="77"/>
        <source>&amp;Book (Enter)</source>
        <translation>&amp;Buchen (Eingabe)</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="81"/>
        <source>&amp;Concern:</source>
        <translation>&amp;Anliegen:</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="82"/>
        <source>&amp;From:</source>
        <translation>&amp;Ab:</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="84"/>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="138"/>
        <source>Responsible: %1 · %2 minutes</source>
        <translation>Zuständig: %1 · %2 Minuten</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="150"/>
        <source>No free appointment in the coming months.</source>
        <translation>In den nächsten Monaten ist kein Termin frei.</translation>
    </message>
</context>
<context>
    <name>CardTab</name>
    <message>
        <location filename="../../ui/card_tab.py" line="43"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="44"/>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="45"/>
        <source>Order no.</source>
        <translation>Bestellnr.</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="46"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="47"/>
        <source>Arrived</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="48"/>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="49"/>
        <source>Notified</source>
        <translation>Benachrichtigt</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="50"/>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="59"/>
        <source>Ordered…</source>
        <translation>Bestellt …</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="60"/>
        <source>Arrived…</source>
        <translation>Eingegangen …</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="61"/>
        <source>Notify…</source>
        <translation>Benachrichtigen …</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="62"/>
        <source>Hand over…</source>
        <translation>Aushändigen …</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="63"/>
        <source>Returned/destroyed…</source>
        <translation>Zurückgesandt/vernichtet …</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="105"/>
        <source>No card ordered for this case yet.</source>
        <translation>Noch keine Karte für diesen Vorgang bestellt.</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="130"/>
        <source>Current card: %1</source>
        <translation>Aktuelle Karte: %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="132"/>
        <source>serial %1</source>
        <translation>Seriennummer %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="134"/>
        <source>expected %1</source>
        <translation>erwartet %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="136"/>
        <source>not collected from %1</source>
        <translation>nicht abgeholt ab %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="147"/>
        <source>Closed: %1</source>
        <translation>Abgeschlossen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="150"/>
        <source>Handed over %1 by %2 to %3</source>
        <translation>Ausgehändigt am %1 durch %2 an %3</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="154"/>
        <source>Identity checked with: %1</source>
        <translation>Identität geprüft anhand: %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="155"/>
        <source>Online-ID: %1</source>
        <translation>Online-Ausweisfunktion: %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="155"/>
        <source>on</source>
        <translation>eingeschaltet</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="155"/>
        <source>off</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="156"/>
        <source>Withdrawn: %1</source>
        <translation>Eingezogen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="157"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="159"/>
        <source>Supplementary sheet: %1</source>
        <translation>Zusatzblatt ausgehändigt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="160"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="160"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="164"/>
        <source>ID document: %1</source>
        <translation>Ausweis: %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="166"/>
        <source>Fingerprints deleted: %1</source>
        <translation>Fingerabdrücke gelöscht: %1</translation>
    </message>
    <message>
        <location filename="../../ui/card_tab.py" line="199"/>
        <source>Save pickup letter</source>
        <translation>Abholbenachrichtigung speichern</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../ui/cards_page.py" line="46"/>
        <source>Name, file number or card serial – Enter hands over</source>
        <translation>Name, Aktenzeichen oder Seriennummer – Enter händigt aus</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="48"/>
        <source>Only overdue</source>
        <translation>Nur überfällige</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="53"/>
        <source>Waiting</source>
        <translation>Wartet seit</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="54"/>
        <source>Arrived</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="55"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="56"/>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="57"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="58"/>
        <source>Card serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="59"/>
        <source>Notified</source>
        <translation>Benachrichtigt</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="60"/>
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="65"/>
        <source>Hand over… (Enter)</source>
        <translation>Aushändigen … (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="66"/>
        <source>Show the case</source>
        <translation>Vorgang anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="67"/>
        <source>Pickup reminders for the selection…</source>
        <translation>Abholerinnerungen für die Auswahl …</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="68"/>
        <source>Returned/destroyed…</source>
        <translation>Zurückgesandt/vernichtet …</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="69"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cards_page.py" line="102"/>
        <location filename="../../ui/cards_page.py" line="103"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cards_page.py" line="103"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cards_page.py" line="132"/>
        <source>%n card(s) not yet handed over</source>
        <translation>
            <numerusform>%n Karte noch nicht ausgehändigt</numerusform>
            <numerusform>%n Karten noch nicht ausgehändigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cards_page.py" line="132"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="134"/>
        <source>the %1 waiting longest shown</source>
        <translation>die %1 am längsten wartenden gezeigt</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="170"/>
        <source>Card %1 handed over to %2; record kept with case %3</source>
        <translation>Karte %1 an %2 ausgehändigt; Protokoll beim Vorgang %3 abgelegt</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="199"/>
        <source>Please select the cards first.</source>
        <translation>Bitte zuerst die Karten auswählen.</translation>
    </message>
    <message>
        <location filename="../../ui/cards_page.py" line="202"/>
        <source>Save pickup reminders</source>
        <translation>Abholerinnerungen speichern</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cards_page.py" line="213"/>
        <source>%n pickup letter(s) saved to %1</source>
        <translation>
            <numerusform>%n Abholbenachrichtigung gespeichert unter %1</numerusform>
            <numerusform>%n Abholbenachrichtigungen gespeichert unter %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../ui/case_dialog.py" line="80"/>
        <source>Case</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="88"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="89"/>
        <source>Documents</source>
        <translation>Unterlagen</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="93"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="96"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="97"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="98"/>
        <location filename="../../ui/case_dialog.py" line="278"/>
        <location filename="../../ui/case_dialog.py" line="331"/>
        <location filename="../../ui/case_dialog.py" line="373"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="99"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="102"/>
        <source>Deadlines</source>
        <translation>Fristen</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="103"/>
        <source>Letters</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="106"/>
        <source>eAT</source>
        <translation>eAT</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="109"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="110"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="111"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="112"/>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="116"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="122"/>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="126"/>
        <source>Ctrl+1 … Ctrl+7: tabs · Documents: Space received, Del missing, Ctrl+W waive · Letters: Alt+M request missing documents, Ctrl+P print · Esc closes</source>
        <translation>Strg+1 … Strg+7: Reiter · Unterlagen: Leertaste eingegangen, Entf fehlt, Strg+W verzichten · Schreiben: Alt+N nachfordern, Strg+P drucken · Esc schließt</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="152"/>
        <source>Letter</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="153"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="154"/>
        <source>Made on</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="155"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="156"/>
        <source>Fingerprint (SHA-256)</source>
        <translation>Prüfsumme (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="162"/>
        <source>Rejection notice…</source>
        <translation>Ablehnungsbescheid …</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="163"/>
        <source>Save PDF…</source>
        <translation>PDF speichern …</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="161"/>
        <source>Request &amp;missing documents</source>
        <translation>Fehlende Unterlagen &amp;nachfordern</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="164"/>
        <source>Print… (Ctrl+P)</source>
        <translation>Drucken… (Strg+P)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="200"/>
        <location filename="../../ui/case_dialog.py" line="254"/>
        <source>Please choose a letter.</source>
        <translation>Bitte ein Schreiben auswählen.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="243"/>
        <source>Request for the missing documents made; it is selected in the list.</source>
        <translation>Nachforderung erstellt; sie ist in der Liste ausgewählt.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="258"/>
        <source>Save letter</source>
        <translation>Schreiben speichern</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="273"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="274"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="275"/>
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="276"/>
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="277"/>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="279"/>
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="280"/>
        <source>Deputy</source>
        <translation>Vertretung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="281"/>
        <source>Applied on</source>
        <translation>Antrag vom</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="282"/>
        <source>Decided on</source>
        <translation>Entschieden am</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="283"/>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="289"/>
        <source>What applies in this case (shows the matching documents)</source>
        <translation>Was trifft in diesem Vorgang zu (zeigt die passenden Unterlagen)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="292"/>
        <source>Share with a colleague…</source>
        <translation>Mit Kollegin oder Kollegen teilen …</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="303"/>
        <location filename="../../ui/case_dialog.py" line="306"/>
        <location filename="../../ui/case_dialog.py" line="309"/>
        <source>Share the case</source>
        <translation>Vorgang teilen</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="303"/>
        <source>User name of the colleague:</source>
        <translation>Benutzername der Kollegin oder des Kollegen:</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="306"/>
        <source>Until (inclusive):</source>
        <translation>Bis einschließlich:</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="309"/>
        <source>Why? (logged)</source>
        <translation>Warum? (wird protokolliert)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="317"/>
        <source>Shared with %1 until %2.</source>
        <translation>Geteilt mit %1 bis %2.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="329"/>
        <source>Document</source>
        <translation>Unterlage</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="330"/>
        <location filename="../../ui/case_dialog.py" line="372"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="330"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="332"/>
        <source>Received on</source>
        <translation>Eingang am</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="333"/>
        <source>Reason for waiver</source>
        <translation>Grund des Verzichts</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="337"/>
        <source>Received (Space)</source>
        <translation>Eingegangen (Leertaste)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="338"/>
        <source>Missing again (Del)</source>
        <translation>Fehlt wieder (Entf)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="339"/>
        <source>Waive… (Ctrl+W)</source>
        <translation>Verzicht … (Strg+W)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="340"/>
        <source>Further document… (Ctrl+N)</source>
        <translation>Weitere Unterlage … (Strg+N)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="425"/>
        <source>Not your case</source>
        <translation>Nicht Ihr Vorgang</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="430"/>
        <source>Reason for opening</source>
        <translation>Grund für den Zugriff</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="430"/>
        <source>Why do you open this case?</source>
        <translation>Warum öffnen Sie diesen Vorgang?</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="457"/>
        <source>Case %1 – %2</source>
        <translation>Vorgang %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="483"/>
        <source>%1 of %2 documents still missing</source>
        <translation>%1 von %2 Unterlagen fehlen noch</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="554"/>
        <source>Waive document</source>
        <translation>Auf Unterlage verzichten</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="554"/>
        <source>Reason for waiving „%1“:</source>
        <translation>Grund für den Verzicht auf „%1“:</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="368"/>
        <source>Checked by the office (§ 24 VwVfG), not asked of the applicant</source>
        <translation>Prüfung durch die Behörde (§ 24 VwVfG), nicht bei der antragstellenden Person angefordert</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="371"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="374"/>
        <source>Checked on</source>
        <translation>Geprüft am</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="375"/>
        <source>Why not applicable</source>
        <translation>Warum entfällt</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="380"/>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="381"/>
        <source>Open again</source>
        <translation>Wieder offen</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="382"/>
        <source>Not applicable…</source>
        <translation>Entfällt …</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="552"/>
        <source>Check not applicable</source>
        <translation>Prüfung entfällt</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="552"/>
        <source>Why does „%1“ not apply here?</source>
        <translation>Warum entfällt „%1“ in diesem Fall?</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="564"/>
        <source>Further document</source>
        <translation>Weitere Unterlage</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="564"/>
        <source>Which document is needed as well?</source>
        <translation>Welche Unterlage wird zusätzlich benötigt?</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="591"/>
        <source>Submitted to a team lead for approval.</source>
        <translation>Der Teamleitung zur Freigabe vorgelegt.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="593"/>
        <source>Granted. The eAT card can be ordered now (tab eAT, Ctrl+6).</source>
        <translation>Bewilligt. Jetzt kann die eAT-Karte bestellt werden (Reiter eAT, Strg+6).</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="597"/>
        <source>Granted.</source>
        <translation>Bewilligt.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="338"/>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="581"/>
        <source>%1 file(s)</source>
        <translation>%1 Datei(en)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="346"/>
        <source>Whole file (Ctrl+E)</source>
        <translation>Ganze Akte (Strg+E)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialog.py" line="587"/>
        <source>Stored in the file: %1 (%2, %3 page(s)).</source>
        <translation>In der Akte gespeichert: %1 (%2, %3 Seite(n)).</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/case_list_page.py" line="34"/>
        <source>open cases</source>
        <translation>offene Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="35"/>
        <source>all cases</source>
        <translation>alle Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="37"/>
        <source>all caseworkers</source>
        <translation>alle Sachbearbeitenden</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="38"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="43"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="44"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="45"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="46"/>
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="47"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="48"/>
        <source>Applied on</source>
        <translation>Antrag vom</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="50"/>
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="51"/>
        <source> (as deputy)</source>
        <translation> (in Vertretung)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="77"/>
        <source>My cases (including those I deputise)</source>
        <translation>Meine Fälle (einschließlich Vertretung)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_page.py" line="83"/>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/case_list_page.py" line="98"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n Vorgang</numerusform>
            <numerusform>%n Vorgänge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="216"/>
        <source>Close the case</source>
        <translation>Vorgang abschließen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="219"/>
        <source>e.g. card handed over, file done – or: moved away</source>
        <translation>z. B. Karte ausgehändigt, Akte erledigt – oder: weggezogen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="220"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../ui/card_steps.py" line="105"/>
        <source>Card returned or destroyed</source>
        <translation>Karte zurückgesandt oder vernichtet</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="108"/>
        <source>Returned to the Bundesdruckerei</source>
        <translation>An die Bundesdruckerei zurückgesandt</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="109"/>
        <source>Destroyed</source>
        <translation>Vernichtet</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="111"/>
        <source>e.g. not collected for three months despite a reminder</source>
        <translation>z. B. trotz Erinnerung seit drei Monaten nicht abgeholt</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="113"/>
        <source>What happened:</source>
        <translation>Was geschah:</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="114"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="115"/>
        <source>On:</source>
        <translation>Am:</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location filename="../../ui/deadlines_page.py" line="61"/>
        <source>My deadlines (with deputised colleagues)</source>
        <translation>Meine Fristen (mit Vertretungen)</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="62"/>
        <source>My area</source>
        <translation>Mein Bereich</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="64"/>
        <source>All areas</source>
        <translation>Alle Bereiche</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="67"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="69"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="69"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="69"/>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="69"/>
        <source>Next eight weeks</source>
        <translation>Nächste acht Wochen</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="76"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="77"/>
        <location filename="../../ui/deadlines_page.py" line="92"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="78"/>
        <location filename="../../ui/deadlines_page.py" line="89"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="79"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="80"/>
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="81"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="88"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="90"/>
        <source>Residence title</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="91"/>
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="98"/>
        <source>Select all</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="99"/>
        <source>Reminder letters for the selection…</source>
        <translation>Erinnerungen für die Auswahl …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deadlines_page.py" line="158"/>
        <source>Reminder letters for %n selected title(s)…</source>
        <translation>
            <numerusform>Erinnerung für %n ausgewählten Titel …</numerusform>
            <numerusform>Erinnerungen für %n ausgewählte Titel …</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="165"/>
        <source>Save reminder letters</source>
        <translation>Erinnerungsschreiben speichern</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deadlines_page.py" line="183"/>
        <source>%n reminder letter(s) saved to %1 (single letters in %2)</source>
        <translation>
            <numerusform>%n Erinnerungsschreiben gespeichert: %1 (einzeln in %2)</numerusform>
            <numerusform>%n Erinnerungsschreiben gespeichert: %1 (einzeln in %2)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="189"/>
        <source>Writing reminder letters…</source>
        <translation>Erinnerungsschreiben werden erstellt …</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="237"/>
        <source>%1 overdue · %2 today · %3 this week · %4 in the next eight weeks</source>
        <translation>%1 überfällig · %2 heute · %3 diese Woche · %4 in den nächsten acht Wochen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deadlines_page.py" line="217"/>
        <source>%n title(s) expire within eight weeks with no application filed</source>
        <translation>
            <numerusform>%n Titel läuft in den nächsten acht Wochen ab, ohne dass ein Antrag vorliegt</numerusform>
            <numerusform>%n Titel laufen in den nächsten acht Wochen ab, ohne dass ein Antrag vorliegt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionTab</name>
    <message>
        <location filename="../../ui/decision_tab.py" line="48"/>
        <source>&amp;Take up</source>
        <translation>Bearbeitung &amp;aufnehmen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="49"/>
        <source>&amp;Ready for decision</source>
        <translation>&amp;Entscheidungsreif</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="50"/>
        <source>Back into &amp;work</source>
        <translation>&amp;Wieder in Bearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="51"/>
        <location filename="../../ui/decision_tab.py" line="120"/>
        <source>&amp;Grant…</source>
        <translation>&amp;Bewilligen…</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="52"/>
        <source>&amp;Withdrawn by the applicant…</source>
        <translation>Antrag &amp;zurückgenommen…</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="53"/>
        <source>C&amp;lose…</source>
        <translation>Ab&amp;schließen…</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="60"/>
        <source>Grant waiting for a team lead&apos;s approval</source>
        <translation>Bewilligung wartet auf die Freigabe der Teamleitung</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="64"/>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="65"/>
        <source>Re&amp;turn…</source>
        <translation>Zu&amp;rückgeben…</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="77"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="78"/>
        <source>Residence title</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="79"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="81"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="82"/>
        <source>unlimited</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="84"/>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="85"/>
        <source>Proposed</source>
        <translation>Vorgelegt</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="86"/>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="87"/>
        <source>Conditions</source>
        <translation>Nebenbestimmungen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="97"/>
        <source>Grants of this case</source>
        <translation>Bewilligungen dieses Vorgangs</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="109"/>
        <source>State: %1</source>
        <translation>Stand: %1</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="111"/>
        <source>decided on %1</source>
        <translation>entschieden am %1</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="114"/>
        <source>Title of this case: %1</source>
        <translation>Titel dieses Vorgangs: %1</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="120"/>
        <source>Submit the &amp;grant for approval…</source>
        <translation>&amp;Bewilligung zur Freigabe vorlegen…</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="126"/>
        <source>Submitted by %1 on %2</source>
        <translation>Vorgelegt von %1 am %2</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="130"/>
        <source>Fee: %1</source>
        <translation>Gebühr: %1</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="134"/>
        <source>Conditions: %1</source>
        <translation>Nebenbestimmungen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="136"/>
        <source>A team lead of the area other than the proposer approves or returns it.</source>
        <translation>Eine Teamleitung des Bereichs (nicht, wer sie vorgelegt hat) gibt sie frei oder zurück.</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="141"/>
        <source>The eAT card can be ordered (tab eAT).</source>
        <translation>Die eAT-Karte kann bestellt werden (Reiter eAT).</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="182"/>
        <source>Approve the grant</source>
        <translation>Bewilligung freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/decision_tab.py" line="182"/>
        <source>Approve this grant?

%1</source>
        <translation>Diese Bewilligung freigeben?

%1</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="74"/>
        <source>ABH Desk – Setting up this workstation</source>
        <translation>ABH Desk – Einrichtung des Arbeitsplatzes</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="80"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="81"/>
        <location filename="../../ui/first_start_dialog.py" line="238"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="83"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="124"/>
        <source>This workstation is not set up yet. Where shall ABH Desk keep its data?</source>
        <translation>Dieser Arbeitsplatz ist noch nicht eingerichtet. Wo soll ABH Desk seine Daten speichern?</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="126"/>
        <source>&amp;Standalone: a database file on this computer</source>
        <translation>&amp;Einzelplatz: eine Datenbankdatei auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="127"/>
        <source>Office &amp;server (PostgreSQL), shared by several workstations</source>
        <translation>&amp;Server der Behörde (PostgreSQL), für mehrere Arbeitsplätze</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="129"/>
        <source>&amp;Demo: try the program at once with %1 invented persons</source>
        <translation>&amp;Demo: das Programm sofort mit %1 erfundenen Personen ausprobieren</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="143"/>
        <source>Database &amp;file:</source>
        <translation>Datenbank&amp;datei:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="145"/>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="146"/>
        <location filename="../../ui/first_start_dialog.py" line="214"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="149"/>
        <source>The connection is tested before anything is saved. The password is kept in the operating system&apos;s keyring, never in a file.</source>
        <translation>Die Verbindung wird geprüft, bevor etwas gespeichert wird. Das Passwort kommt in den Schlüsselbund des Betriebssystems, nie in eine Datei.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="162"/>
        <source>Sign in as osswald (administrator) with the password abh-demo.</source>
        <translation>Anmeldung als osswald (Administration) mit dem Passwort abh-demo.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="173"/>
        <source>e.g. Stadt Singen (Hohentwiel)</source>
        <translation>z. B. Stadt Singen (Hohentwiel)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="176"/>
        <source>e.g. 78224 Singen (Hohentwiel)</source>
        <translation>z. B. 78224 Singen (Hohentwiel)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="185"/>
        <source>e.g. Verwaltungsgericht Freiburg</source>
        <translation>z. B. Verwaltungsgericht Freiburg</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="187"/>
        <source>e.g. Habsburgerstraße 103, 79104 Freiburg im Breisgau</source>
        <translation>z. B. Habsburgerstraße 103, 79104 Freiburg im Breisgau</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="188"/>
        <source>The office (printed on every letter, the same on every workstation)</source>
        <translation>Die Behörde (steht auf jedem Schreiben, gilt für alle Arbeitsplätze)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="191"/>
        <source>&amp;Authority:</source>
        <translation>&amp;Behörde:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="192"/>
        <source>S&amp;treet:</source>
        <translation>S&amp;traße:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="193"/>
        <source>&amp;Postcode and town:</source>
        <translation>&amp;Postleitzahl und Ort:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="194"/>
        <source>&amp;Land:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="195"/>
        <source>P&amp;hone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="196"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="198"/>
        <source>&amp;Court for lawsuits:</source>
        <translation>Verwaltungs&amp;gericht (für Klagen):</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="199"/>
        <source>Court&apos;s add&amp;ress:</source>
        <translation>&amp;Anschrift des Gerichts:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="204"/>
        <source>e.g. Mr Oßwald</source>
        <translation>z. B. Herr Oßwald</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="209"/>
        <source>First administrator (signs in and creates the other users)</source>
        <translation>Erste Administration (meldet sich an und legt die weiteren Benutzer an)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="212"/>
        <source>&amp;User name:</source>
        <translation>Ben&amp;utzername:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="213"/>
        <source>&amp;Name shown:</source>
        <translation>Angezeigter &amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="215"/>
        <source>Re&amp;peat password:</source>
        <translation>Passwort wie&amp;derholen:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="238"/>
        <source>Start demo</source>
        <translation>Demo starten</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="247"/>
        <source>Set up</source>
        <translation>Einrichten</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="276"/>
        <source>Please correct the marked fields. Nothing was saved.</source>
        <translation>Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="302"/>
        <source>Connecting and preparing the database …</source>
        <translation>Verbinde und bereite die Datenbank vor …</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="332"/>
        <source>The office settings are already stored in this database; they apply to every workstation and stay as they are. An administrator changes them with abh-desk einstellungen.</source>
        <translation>Die Behördeneinstellungen sind in dieser Datenbank schon gespeichert; sie gelten für alle Arbeitsplätze und bleiben, wie sie sind. Ändern kann sie die Administration (abh-desk einstellungen).</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="338"/>
        <source>A new database: please enter your office&apos;s details. They apply to every workstation.</source>
        <translation>Eine neue Datenbank: bitte die Angaben der Behörde eintragen. Sie gelten für alle Arbeitsplätze.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="367"/>
        <source>Saving …</source>
        <translation>Speichere …</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="388"/>
        <source>Creating the demo office …</source>
        <translation>Lege die Demo-Behörde an …</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="197"/>
        <source>&amp;Opening hours:</source>
        <translation>Sprech&amp;zeiten:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="183"/>
        <source>e.g. Mo, Di, Fr 8.00–12.00 Uhr; Do 14.00–18.00 Uhr</source>
        <translation>z. B. Mo, Di, Fr 8.00–12.00 Uhr; Do 14.00–18.00 Uhr</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="146"/>
        <source>only where the office&apos;s audit trail is signed</source>
        <translation>nur wenn das Protokoll der Behörde signiert ist</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="147"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="160"/>
        <source>Audit &amp;key:</source>
        <translation>&amp;Protokollschlüssel:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="168"/>
        <source>Audit key: where the office&apos;s audit trail is signed, the file handed out on a workstation that has the key (abh-desk audit schluessel ausgeben). It is checked against the trail before it is kept in the keyring; delete the file afterwards.</source>
        <translation>Protokollschlüssel: wenn das Protokoll der Behörde signiert ist, die Datei, die an einem Arbeitsplatz mit dem Schlüssel ausgegeben wurde (abh-desk audit schluessel ausgeben). Er wird am Protokoll geprüft, bevor er im Schlüsselbund aufbewahrt wird; die Datei danach löschen.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="342"/>
        <source>The office&apos;s audit key</source>
        <translation>Protokollschlüssel der Behörde</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="342"/>
        <source>Audit key (*.json);;All files (*)</source>
        <translation>Protokollschlüssel (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="372"/>
        <source>The office&apos;s audit key %1 was taken over; the file can be deleted now.</source>
        <translation>Der Protokollschlüssel %1 der Behörde wurde übernommen; die Datei kann jetzt gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="46"/>
        <source>Grant the application</source>
        <translation>Antrag bewilligen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="65"/>
        <source>Conditions and requirements, e.g. “Employment permitted.” or “Self-employment not permitted.”</source>
        <translation>Nebenbestimmungen, z. B. „Erwerbstätigkeit erlaubt.“ oder „Selbständige Tätigkeit nicht erlaubt.“</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="70"/>
        <source>only where the fee differs, e.g. exempt under § 53 AufenthV</source>
        <translation>nur bei abweichender Gebühr, z. B. befreit nach § 53 AufenthV</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="72"/>
        <source>Residence title:</source>
        <translation>Aufenthaltstitel:</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="73"/>
        <source>Legal basis:</source>
        <translation>Rechtsgrundlage:</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="74"/>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="75"/>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="77"/>
        <source>Conditions (Nebenbestimmungen):</source>
        <translation>Nebenbestimmungen:</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="78"/>
        <source>Fee (EUR):</source>
        <translation>Gebühr (EUR):</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="80"/>
        <source>Reason for another fee:</source>
        <translation>Grund für eine andere Gebühr:</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="81"/>
        <source>Decided on:</source>
        <translation>Entschieden am:</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="106"/>
        <source>The office wants four eyes on this grant: it goes to a team lead for approval.</source>
        <translation>Diese Bewilligung gibt die Behörde unter vier Augen frei: sie geht der Teamleitung zur Freigabe zu.</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="108"/>
        <source>After the grant the eAT card is ordered (tab eAT).</source>
        <translation>Nach der Bewilligung wird die eAT-Karte bestellt (Reiter eAT).</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="111"/>
        <source>Submit for approval</source>
        <translation>Zur Freigabe vorlegen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="111"/>
        <source>Grant</source>
        <translation>Bewilligen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="129"/>
        <source>Unlimited (§ 9 (1), § 9a (1) AufenthG): no end date.</source>
        <translation>Unbefristet (§ 9 Abs. 1, § 9a Abs. 1 AufenthG): kein Ende.</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="133"/>
        <source>At most %1 months (%3, by the facts of the case): until %2 at the latest.</source>
        <translation>Höchstens %1 Monate (%3, nach den Angaben zum Vorgang): längstens bis %2.</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="135"/>
        <source>At most %1 months (catalogue): until %2 at the latest.</source>
        <translation>Höchstens %1 Monate (Katalog): längstens bis %2.</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="143"/>
        <source>Limited (§ 7 (1) AufenthG); the catalogue names no maximum.</source>
        <translation>Befristet (§ 7 Abs. 1 AufenthG); der Katalog nennt keine Höchstdauer.</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="147"/>
        <source>Catalogue: %1 – %2</source>
        <translation>Katalog: %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="149"/>
        <source>no fee</source>
        <translation>keine Gebühr</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/handover_dialog.py" line="65"/>
        <source>Hand over eAT</source>
        <translation>eAT aushändigen</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="89"/>
        <source>Name of the agent or custodian</source>
        <translation>Name der bevollmächtigten oder sorgeberechtigten Person</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="91"/>
        <source>e.g. Personalausweis L01X00T47</source>
        <translation>z. B. Personalausweis L01X00T47</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="92"/>
        <source>Written power of attorney presented</source>
        <translation>Schriftliche Vollmacht liegt vor</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="97"/>
        <source>Online-ID function switched on</source>
        <translation>Online-Ausweisfunktion eingeschaltet</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="102"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="103"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="117"/>
        <source>Supplementary sheet handed over</source>
        <translation>Zusatzblatt ausgehändigt</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="118"/>
        <source>Fingerprints deleted (§ 61a (2) AufenthV)</source>
        <translation>Fingerabdrücke gelöscht (§ 61a Abs. 2 AufenthV)</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="123"/>
        <source>Card serial number:</source>
        <translation>Seriennummer der Karte:</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="124"/>
        <source>Received by:</source>
        <translation>Entgegengenommen von:</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="125"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="126"/>
        <source>ID document and number:</source>
        <translation>Ausweis und Nummer:</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="128"/>
        <source>Identity checked with:</source>
        <translation>Identität geprüft anhand:</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="130"/>
        <source>Old documents withdrawn:</source>
        <translation>Eingezogene Dokumente:</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="133"/>
        <source>Fee:</source>
        <translation>Gebühr:</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="134"/>
        <source>Handed over at:</source>
        <translation>Ausgehändigt am:</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="135"/>
        <source>Hand over and print record</source>
        <translation>Aushändigen und Protokoll drucken</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="151"/>
        <source>The holder in person</source>
        <translation>Inhaberin/Inhaber persönlich</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="152"/>
        <source>An agent with power of attorney</source>
        <translation>Bevollmächtigte Person</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="153"/>
        <source>A custodian (holder is a minor)</source>
        <translation>Sorgeberechtigte Person (Inhaber minderjährig)</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="160"/>
        <source>arrived %1</source>
        <translation>eingegangen am %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="163"/>
        <source>Scan or type the serial on the card</source>
        <translation>Seriennummer von der Karte scannen oder eintippen</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="167"/>
        <source>The holder is a minor: the card goes to a custodian.</source>
        <translation>Die Inhaberin oder der Inhaber ist minderjährig: die Karte erhält eine sorgeberechtigte Person.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="171"/>
        <source>Fee of %1 paid</source>
        <translation>Gebühr von %1 bezahlt</translation>
    </message>
    <message>
        <location filename="../../ui/handover_dialog.py" line="172"/>
        <source>Fee due at handover: %1</source>
        <translation>Bei der Aushändigung zu zahlen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="48"/>
        <source>Hand over the file of %1</source>
        <translation>Akte von %1 abgeben</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="50"/>
        <source>%1 cases (%2), %3 letters, %4 further documents leave as one xdomea package (Abgabe 0401).</source>
        <translation>Vorgänge: %1 (%2), Schreiben: %3, weitere Dokumente: %4 – sie gehen als ein xdomea-Paket an die übernehmende Behörde (Abgabe 0401).</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="62"/>
        <source>e.g. Landratsamt Konstanz, Ausländerbehörde</source>
        <translation>z. B. Landratsamt Konstanz, Ausländerbehörde</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="63"/>
        <source>Receiving authority</source>
        <translation>Übernehmende Behörde</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="66"/>
        <source>Note to them</source>
        <translation>Hinweis an sie</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="69"/>
        <source>Afterwards every case here is closed as handed over, with the authority and today&apos;s date; the transmission is logged.</source>
        <translation>Danach sind alle Vorgänge hier als abgegeben abgeschlossen, mit der Behörde und dem heutigen Datum; die Übermittlung wird protokolliert.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="81"/>
        <source>Hand over …</source>
        <translation>Abgeben …</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="92"/>
        <source>Save the xdomea package</source>
        <translation>xdomea-Paket speichern</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="124"/>
        <source>Take in a file from %1</source>
        <translation>Akte von %1 übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="127"/>
        <source>%1, born %2, nationality %3; %4 titles</source>
        <translation>%1, geb. %2, Staatsangehörigkeit %3; %4 Titel</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="135"/>
        <source>The package holds %1 files; all are taken in.</source>
        <translation>Das Paket enthält %1 Akten; alle werden übernommen.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="139"/>
        <source>From another program: what xdomea itself carries is taken in.</source>
        <translation>Aus einem anderen Programm: übernommen wird, was xdomea selbst enthält.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="144"/>
        <source>File number there</source>
        <translation>Aktenzeichen dort</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="144"/>
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="144"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="144"/>
        <source>Caseworker here</source>
        <translation>Zuständig hier</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="145"/>
        <source>Letters/documents</source>
        <translation>Schreiben/Dokumente</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="156"/>
        <source>Add the file to the person recorded here:</source>
        <translation>Die Akte der hier erfassten Person zuordnen:</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="162"/>
        <source>It is another person; reason:</source>
        <translation>Es ist eine andere Person; Grund:</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="169"/>
        <source>This person seems to be recorded here already.</source>
        <translation>Diese Person ist hier wahrscheinlich schon erfasst.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialogs.py" line="182"/>
        <source>Take the file in</source>
        <translation>Akte übernehmen</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="74"/>
        <source>ABH Desk is locked</source>
        <translation>ABH Desk ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="76"/>
        <source>Signed in: %1. Please enter your password to continue.</source>
        <translation>Angemeldet: %1. Bitte geben Sie Ihr Passwort ein, um weiterzuarbeiten.</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="80"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="82"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="83"/>
        <source>Sign out and quit</source>
        <translation>Abmelden und beenden</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="124"/>
        <source>The password is wrong.</source>
        <translation>Das Passwort ist falsch.</translation>
    </message>
</context>
<context>
    <name>DatabaseLoad</name>
    <message>
        <location filename="../../ui/startup.py" line="164"/>
        <source>The database could not be opened: %1</source>
        <translation>Die Datenbank konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="58"/>
        <source>ABH Desk – Sign in</source>
        <translation>ABH Desk – Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="67"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="69"/>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="70"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="72"/>
        <source>Please sign in. Personal data is shown only to signed-in users.</source>
        <translation>Bitte anmelden. Personenbezogene Daten werden nur angemeldeten Benutzern angezeigt.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="92"/>
        <source>Please enter user name and password.</source>
        <translation>Bitte Benutzername und Passwort eingeben.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="99"/>
        <source>Connecting …</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>&amp;Legal representatives…</source>
        <translation>&amp;Gesetzliche Vertreter …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>ABH Desk</source>
        <translation>ABH Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>&amp;Person search</source>
        <translation>&amp;Personensuche</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <source>Good day, %1</source>
        <translation>Guten Tag, %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>&amp;Deadlines</source>
        <translation>&amp;Fristen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>&amp;My cases</source>
        <translation>&amp;Meine Fälle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>&amp;Cards</source>
        <translation>&amp;Karten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>&amp;Notices</source>
        <translation>&amp;Bescheide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Signed in: %1 (%2)</source>
        <translation>Angemeldet: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>Finality of notices not checked: %1</source>
        <translation>Bestandskraft der Bescheide nicht geprüft: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Reads not yet logged: %1</source>
        <translation>Lesezugriffe noch nicht protokolliert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>App&amp;ointments</source>
        <translation>Te&amp;rmine</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>&amp;Language…</source>
        <translation>&amp;Sprache …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>New &amp;person…</source>
        <translation>Neue &amp;Person …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <location filename="../../ui/main_window.py" line="437"/>
        <source>&amp;Edit master data…</source>
        <translation>&amp;Stammdaten bearbeiten …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <location filename="../../ui/main_window.py" line="436"/>
        <source>New &amp;case for this person…</source>
        <translation>Neuer &amp;Vorgang für diese Person …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>&amp;Book an appointment…</source>
        <translation>&amp;Termin vergeben…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>&amp;Hand over the file…</source>
        <translation>Akte &amp;abgeben …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>&amp;Take in a file (xdomea)…</source>
        <translation>Akte &amp;übernehmen (xdomea) …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>&amp;Responsibility by letter…</source>
        <translation>&amp;Zuständigkeiten nach Buchstaben …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>&amp;Text blocks of the letters…</source>
        <translation>&amp;Textbausteine der Schreiben …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>&amp;Administration</source>
        <translation>&amp;Verwaltung</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>&amp;Settings of the office…</source>
        <translation>&amp;Behördeneinstellungen …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>ABH Desk – locked</source>
        <translation>ABH Desk – gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309"/>
        <source>Language of the window (from the next start):</source>
        <translation>Sprache des Fensters (ab dem nächsten Start):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Language saved: %1 (from the next start).</source>
        <translation>Sprache gespeichert: %1 (ab dem nächsten Start).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381"/>
        <location filename="../../ui/main_window.py" line="392"/>
        <location filename="../../ui/main_window.py" line="454"/>
        <location filename="../../ui/main_window.py" line="468"/>
        <source>Please open a person first (Ctrl+F).</source>
        <translation>Bitte zuerst eine Person öffnen (Strg+F).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404"/>
        <source>File handed over: %1</source>
        <translation>Akte abgegeben: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="411"/>
        <source>Take in an xdomea package</source>
        <translation>xdomea-Paket übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="419"/>
        <source>Take in a file</source>
        <translation>Akte übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427"/>
        <source>File taken in; the receipt is saved beside the package.</source>
        <translation>Akte übernommen; die Importbestätigung liegt neben dem Paket.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440"/>
        <source>New &amp;case for %1…</source>
        <translation>Neuer &amp;Vorgang für %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="441"/>
        <source>&amp;Edit master data of %1…</source>
        <translation>&amp;Stammdaten von %1 bearbeiten …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="448"/>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="488"/>
        <source>Settings of the office saved.</source>
        <translation>Behördeneinstellungen gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>O&amp;verview</source>
        <translation>Übersic&amp;ht</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Stat&amp;istics</source>
        <translation>Stat&amp;istik</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>Sign &amp;out / switch user</source>
        <translation>&amp;Abmelden / Benutzer wechseln</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>The &amp;whole file…</source>
        <translation>Ganze &amp;Akte …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="402"/>
        <source>Scanner folder</source>
        <translation>Scanner-Ordner</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>Scanner folder: %1</source>
        <translation>Scanner-Ordner: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Scanner folder…</source>
        <translation>&amp;Scanner-Ordner …</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="49"/>
        <source>New case for %1</source>
        <translation>Neuer Vorgang für %1</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="51"/>
        <source>Search the catalogue: e.g. “blaue karte”, “16a”, “sprachkurs”</source>
        <translation>Katalog durchsuchen: z. B. „blaue karte“, „16a“, „sprachkurs“</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="62"/>
        <source>Open case</source>
        <translation>Vorgang anlegen</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="66"/>
        <source>Why a second one? e.g. a second declaration of commitment for another guest</source>
        <translation>Warum ein zweiter? z. B. zweite Verpflichtungserklärung für einen anderen Gast</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="68"/>
        <source>Open the open case</source>
        <translation>Offenen Vorgang öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="73"/>
        <source>Application &amp;received on:</source>
        <translation>Antrag &amp;eingegangen am:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="74"/>
        <source>Reason for a second case:</source>
        <translation>Grund für einen zweiten Vorgang:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="114"/>
        <source>Please choose a procedure.</source>
        <translation>Bitte eine Leistung auswählen.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="127"/>
        <source>File number %1 · caseworker: %2</source>
        <translation>Aktenzeichen %1 · zuständig: %2</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="131"/>
        <source>Show case</source>
        <translation>Vorgang anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="135"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="146"/>
        <source>Open a second case</source>
        <translation>Zweiten Vorgang anlegen</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/notice_dialog.py" line="114"/>
        <source>This notice cannot go out yet</source>
        <translation>Dieser Bescheid kann so noch nicht hinausgehen</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="94"/>
        <location filename="../../ui/notice_dialog.py" line="505"/>
        <location filename="../../ui/notice_dialog.py" line="641"/>
        <source>Rejection notice</source>
        <extracomment>The item role holding a ground&apos;s short title (the case-details box names it).</extracomment>
        <translation>Ablehnungsbescheid</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="101"/>
        <location filename="../../ui/notice_dialog.py" line="426"/>
        <source>Returned by the team lead</source>
        <translation>Von der Teamleitung zurückgegeben</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="119"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="120"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="121"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="122"/>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="150"/>
        <source>Notice</source>
        <translation>Bescheid</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="156"/>
        <source>The facts of this case for the chosen ground</source>
        <translation>Die Umstände dieses Falls zum gewählten Grund</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="158"/>
        <location filename="../../ui/notice_dialog.py" line="260"/>
        <source>Case details for the ground:</source>
        <translation>Einzelfall zum Grund:</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="162"/>
        <source>Facts (Sachverhalt); a blank line starts a new paragraph</source>
        <translation>Sachverhalt; eine Leerzeile beginnt einen neuen Absatz</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="165"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="168"/>
        <source>as in the fee schedule</source>
        <translation>laut Gebührenverzeichnis</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="172"/>
        <source>Receives benefits under SGB II, SGB XII or AsylbLG (§ 53 (1) AufenthV)</source>
        <translation>Bezieht Leistungen nach SGB II, SGB XII oder AsylbLG (§ 53 Abs. 1 AufenthV)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="173"/>
        <source>Extension for up to three months</source>
        <translation>Verlängerung um bis zu drei Monate</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="175"/>
        <source>only for a lower fee: why (§ 53 (2) AufenthV)</source>
        <translation>nur für eine niedrigere Gebühr: warum (§ 53 Abs. 2 AufenthV)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="180"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="188"/>
        <source>Bars to deportation (§ 60 (5), (7) AufenthG) for this person</source>
        <translation>Abschiebungsverbote (§ 60 Abs. 5 und 7 AufenthG) für diese Person</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="189"/>
        <source>Children: whose, where they live, what leaving means for them</source>
        <translation>Kinder: wessen, wo sie leben, was die Ausreise für sie bedeutet</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="190"/>
        <source>Family ties in Germany</source>
        <translation>Familiäre Bindungen im Bundesgebiet</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="191"/>
        <source>Health: illness, fitness to travel</source>
        <translation>Gesundheit: Erkrankungen, Reisefähigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="200"/>
        <source>Further considerations on the deportation threat (optional)</source>
        <translation>Weitere Erwägungen zur Abschiebungsandrohung (freiwillig)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="203"/>
        <source>EU citizen or rights under ARB 1/80 (objection remains in Hessen)</source>
        <translation>Unionsbürger oder Rechte aus ARB 1/80 (in Hessen bleibt der Widerspruch)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="210"/>
        <source>Grounds of refusal</source>
        <translation>Ablehnungsgründe</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="213"/>
        <source>Facts</source>
        <translation>Sachverhalt</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="215"/>
        <source>Residence status</source>
        <translation>Aufenthaltsstatus</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="216"/>
        <source>Period to leave</source>
        <translation>Ausreisefrist</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="217"/>
        <source>Target state</source>
        <translation>Zielstaat</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="220"/>
        <source>Bars to deportation</source>
        <translation>Abschiebungsverbote</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="221"/>
        <source>Best interests of children</source>
        <translation>Kindeswohl</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="222"/>
        <source>Family ties</source>
        <translation>Familiäre Bindungen</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="223"/>
        <source>State of health</source>
        <translation>Gesundheitszustand</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="226"/>
        <source>Further considerations</source>
        <translation>Weitere Erwägungen</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="228"/>
        <source>Fee (EUR)</source>
        <translation>Gebühr (EUR)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="232"/>
        <source>Reason for a lower fee</source>
        <translation>Grund der Ermäßigung</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="234"/>
        <source>Entry ban (months)</source>
        <translation>Einreiseverbot (Monate)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="235"/>
        <source>Reasons for its length</source>
        <translation>Erwägungen zur Dauer</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="249"/>
        <source>Fee schedule: %1 (%2)</source>
        <translation>Gebühr nach der AufenthV: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="280"/>
        <source>&amp;Save draft</source>
        <translation>Entwurf &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="281"/>
        <source>Send &amp;hearing letter</source>
        <translation>&amp;Anhörung versenden</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="282"/>
        <source>&amp;No hearing…</source>
        <translation>Anhörung &amp;entbehrlich …</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="283"/>
        <source>S&amp;tatement received…</source>
        <translation>Stellungnahme e&amp;ingegangen …</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="284"/>
        <source>Su&amp;bmit for review</source>
        <translation>Zur &amp;Prüfung vorlegen</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="285"/>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="286"/>
        <source>Return with co&amp;mment…</source>
        <translation>&amp;Zurückgeben mit Kommentar …</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="287"/>
        <source>&amp;Dispatched…</source>
        <translation>&amp;Versandt …</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="288"/>
        <source>&amp;Objection or lawsuit received…</source>
        <translation>&amp;Widerspruch/Klage eingegangen …</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="289"/>
        <source>Out&amp;come of the remedy…</source>
        <translation>Er&amp;gebnis des Rechtsbehelfs …</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="290"/>
        <source>Save &amp;PDF…</source>
        <translation>P&amp;DF speichern …</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="291"/>
        <source>Pr&amp;int…</source>
        <translation>Dr&amp;ucken …</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="384"/>
        <source>Obliged to leave: departure and deportation are in the notice.</source>
        <translation>Ausreisepflichtig: Ausreiseaufforderung und Abschiebungsandrohung gehören in den Bescheid.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="385"/>
        <source>Keeps a valid title: the notice refuses and charges its fee, nothing more.</source>
        <translation>Behält einen gültigen Titel: Der Bescheid lehnt ab und setzt die Gebühr fest, sonst nichts.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="411"/>
        <source>New rejection notice (draft)</source>
        <translation>Neuer Ablehnungsbescheid (Entwurf)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="417"/>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="420"/>
        <source>reviewed by %1</source>
        <translation>geprüft von %1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="422"/>
        <source>Rejection notice %1</source>
        <translation>Ablehnungsbescheid %1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="428"/>
        <source>At the last return by the team lead</source>
        <translation>Bei der letzten Rückgabe durch die Teamleitung</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="433"/>
        <source>Changed since it was returned:</source>
        <translation>Seit der Rückgabe geändert:</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="436"/>
        <source>Nothing changed since it was returned.</source>
        <translation>Nichts geändert seit der Rückgabe.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="529"/>
        <source>No hearing</source>
        <translation>Anhörung entbehrlich</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="530"/>
        <source>Why can the hearing be dispensed with (§ 28 Abs. 2 VwVfG)?</source>
        <translation>Warum ist die Anhörung entbehrlich (§ 28 Abs. 2 VwVfG)?</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="538"/>
        <source>Statement</source>
        <translation>Stellungnahme</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="538"/>
        <source>Statement received on</source>
        <translation>Stellungnahme eingegangen am</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="555"/>
        <source>Return</source>
        <translation>Zurückgeben</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="555"/>
        <source>What should the caseworker change?</source>
        <translation>Was soll die Sachbearbeitung ändern?</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="563"/>
        <source>Dispatch</source>
        <translation>Versand</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="571"/>
        <location filename="../../ui/notice_dialog.py" line="590"/>
        <source>Remedy</source>
        <translation>Rechtsbehelf</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="571"/>
        <source>Objection or lawsuit received on</source>
        <translation>Widerspruch/Klage eingegangen am</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="580"/>
        <source>Received after the period ended: the notice was already final. Recorded as late.</source>
        <translation>Nach Fristablauf eingegangen: Der Bescheid war bereits bestandskräftig. Als verspätet vermerkt.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="590"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="599"/>
        <source>Save notice</source>
        <translation>Bescheid speichern</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_dialog.py" line="627"/>
        <source>%n page(s) printed</source>
        <translation>
            <numerusform>%n Seite gedruckt</numerusform>
            <numerusform>%n Seiten gedruckt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="641"/>
        <source>Discard the changes that are not saved?</source>
        <translation>Nicht gespeicherte Änderungen verwerfen?</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="648"/>
        <source>Please save the draft first.</source>
        <translation>Bitte zuerst den Entwurf speichern.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="496"/>
        <source>The team lead is reviewing this notice. Saving takes it back from the review: it becomes a draft again and has to be submitted again. Save and take it back?</source>
        <translation>Die Teamleitung prüft diesen Bescheid. Speichern nimmt ihn aus der Prüfung zurück: er wird wieder ein Entwurf und ist erneut vorzulegen. Speichern und zurücknehmen?</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="501"/>
        <source>This notice is approved. Saving cancels the approval: it becomes a draft again and has to be submitted again. Save and cancel the approval?</source>
        <translation>Dieser Bescheid ist freigegeben. Speichern hebt die Freigabe auf: er wird wieder ein Entwurf und ist erneut vorzulegen. Speichern und Freigabe aufheben?</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="511"/>
        <source>Saved. The notice is a draft again: please submit it for review again.</source>
        <translation>Gespeichert. Der Bescheid ist wieder ein Entwurf: bitte erneut zur Prüfung vorlegen.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="260"/>
        <source>Case details for „%1“:</source>
        <translation>Einzelfall zum Grund „%1“:</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="445"/>
        <source>The preview of the notice appears once the draft is saved (Ctrl+S).</source>
        <translation>Die Vorschau des Bescheids erscheint nach dem ersten Speichern (Strg+S).</translation>
    </message>
</context>
<context>
    <name>NotifyDialog</name>
    <message>
        <location filename="../../ui/card_steps.py" line="72"/>
        <source>Notify the holder</source>
        <translation>Inhaberin oder Inhaber benachrichtigen</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="75"/>
        <source>Pickup letter (PDF, kept with the case)</source>
        <translation>Abholbenachrichtigung (PDF, beim Vorgang abgelegt)</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="76"/>
        <source>Phoned</source>
        <translation>Telefonisch</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="77"/>
        <source>E-mailed</source>
        <translation>Per E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="79"/>
        <source>How:</source>
        <translation>Wie:</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="80"/>
        <source>On:</source>
        <translation>Am:</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="51"/>
        <source>Settings of the office</source>
        <translation>Behördeneinstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="54"/>
        <source>Authority</source>
        <translation>Behörde</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="55"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="56"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="57"/>
        <source>Postcode and town</source>
        <translation>PLZ und Ort</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="58"/>
        <source>Land (deadlines, legal remedy)</source>
        <translation>Land (Fristen, Rechtsbehelf)</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="59"/>
        <source>Holidays at the office&apos;s seat only</source>
        <translation>Feiertage nur am Sitz der Behörde</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="60"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="61"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="62"/>
        <source>Website</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="63"/>
        <source>Opening hours (separated by ;)</source>
        <translation>Sprechzeiten (getrennt durch ;)</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="64"/>
        <source>Appointment hours (e.g. Mo-Fr 08:00-12:00; Do 14:00-18:00)</source>
        <translation>Terminzeiten (z. B. Mo-Fr 08:00-12:00; Do 14:00-18:00; leer: die Sprechzeiten)</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="65"/>
        <source>Administrative court</source>
        <translation>Verwaltungsgericht</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="66"/>
        <source>Court&apos;s address</source>
        <translation>Anschrift des Gerichts</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="67"/>
        <source>Bank (fees)</source>
        <translation>Bank (Gebühren)</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="68"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="69"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="70"/>
        <source>File number pattern</source>
        <translation>Muster des Aktenzeichens</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="71"/>
        <source>Letters by surname without particles (van, de, al …)</source>
        <translation>Buchstaben nach Familienname ohne Namenszusätze (van, de, al …)</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="72"/>
        <source>eAT production (weeks)</source>
        <translation>eAT-Herstellung (Wochen)</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="73"/>
        <source>eAT overdue after (weeks)</source>
        <translation>eAT überfällig nach (Wochen)</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="74"/>
        <source>Fee is paid when the card is handed over</source>
        <translation>Gebühr wird bei der Aushändigung bezahlt</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="75"/>
        <source>Lock the window after idle minutes (0: never)</source>
        <translation>Fenster sperren nach Minuten ohne Eingabe (0: nie)</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="76"/>
        <source>Grants approved by a team lead</source>
        <translation>Bewilligungen gibt die Teamleitung frei</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="113"/>
        <source>Legal remedy instructions</source>
        <translation>Rechtsbehelfsbelehrung</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="117"/>
        <source>Confirm as checked …</source>
        <translation>Als geprüft bestätigen …</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="128"/>
        <source>%1: the remedy instructions for this Land are checked and ready for notices.</source>
        <translation>%1: Die Rechtsbehelfsbelehrung für dieses Land ist geprüft und für Bescheide freigegeben.</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="133"/>
        <source>%1: confirmed by %2 on %3 (%4).</source>
        <translation>%1: bestätigt von %2 am %3 (%4).</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="142"/>
        <source>%1: not yet checked. No notice is approved or sent until it is confirmed. To check: %2</source>
        <translation>%1: noch nicht geprüft. Bis zur Bestätigung wird kein Bescheid freigegeben oder versandt. Zu prüfen: %2</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="153"/>
        <source>Confirm the legal remedy</source>
        <translation>Rechtsbehelfsbelehrung bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="153"/>
        <source>What did you check, against which source?</source>
        <translation>Was haben Sie geprüft, anhand welcher Quelle?</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="187"/>
        <source>none (the Land&apos;s holidays)</source>
        <translation>keine (die Feiertage des Landes)</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="250"/>
        <source>Nothing was saved: %1</source>
        <translation>Nichts gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/office_settings_dialog.py" line="76"/>
        <source>Largest document in the e-file (MB)</source>
        <translation>Größtes Dokument der E-Akte (MB)</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../ui/card_steps.py" line="29"/>
        <source>eAT ordered</source>
        <translation>eAT bestellt</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="33"/>
        <source>as given by the Bundesdruckerei</source>
        <translation>wie von der Bundesdruckerei vergeben</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="34"/>
        <source>Ordered on:</source>
        <translation>Bestellt am:</translation>
    </message>
    <message>
        <location filename="../../ui/card_steps.py" line="35"/>
        <source>Order number:</source>
        <translation>Bestellnummer:</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/overview_page.py" line="57"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="63"/>
        <source>Preview the split…</source>
        <translation>Aufteilung ansehen …</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="66"/>
        <source>Open cases per caseworker by state</source>
        <translation>Offene Vorgänge je Sachbearbeitung nach Bearbeitungsstand</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="67"/>
        <source>Age of the open cases in days (the oldest in red)</source>
        <translation>Alter der offenen Vorgänge in Tagen (die ältesten rot)</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="68"/>
        <source>New and closed cases per week, last 52 weeks</source>
        <translation>Neue und erledigte Vorgänge je Woche, letzte 52 Wochen</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="71"/>
        <source>Processing time per procedure in days, last 365 days (catalogue: its expected maximum)</source>
        <translation>Bearbeitungszeit je Leistung in Tagen, letzte 365 Tage (Katalog: erwartete Höchstdauer)</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="74"/>
        <source>Overdue deadlines per caseworker</source>
        <translation>Überfällige Fristen je Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="75"/>
        <source>Cards waiting for pickup, by weeks since arrival</source>
        <translation>Karten zur Abholung, nach Wochen seit Eingang</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="76"/>
        <source>Rejections in review, by days since submitted</source>
        <translation>Ablehnungen in der Prüfung, nach Tagen seit Vorlage</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="87"/>
        <source>Click a bar to see the list behind it.</source>
        <translation>Ein Klick auf einen Balken zeigt die Liste dahinter.</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="92"/>
        <location filename="../../ui/overview_page.py" line="106"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="93"/>
        <location filename="../../ui/overview_page.py" line="107"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="94"/>
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="95"/>
        <source>Status</source>
        <translation>Bearbeitungsstand</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="96"/>
        <source>Applied on</source>
        <translation>Beantragt am</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="97"/>
        <location filename="../../ui/overview_page.py" line="109"/>
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="105"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="108"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="131"/>
        <source>Area:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="169"/>
        <source>Whole office</source>
        <translation>Ganze Behörde</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="207"/>
        <source>Open cases</source>
        <translation>Offene Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="213"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="215"/>
        <source>Closed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="224"/>
        <source>New and closed cases per week, %1 to %2</source>
        <translation>Neue und erledigte Vorgänge je Woche, %1 bis %2</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="234"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="237"/>
        <source>90th percentile</source>
        <translation>90. Perzentil</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="243"/>
        <source>Catalogue (expected maximum)</source>
        <translation>Katalog (erwartete Höchstdauer)</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="251"/>
        <source>Overdue deadlines</source>
        <translation>Überfällige Fristen</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="252"/>
        <source>Cases with a card waiting</source>
        <translation>Vorgänge mit wartender Karte</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="253"/>
        <source>Cases with a rejection in review</source>
        <translation>Vorgänge mit Ablehnung in der Prüfung</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="258"/>
        <source>%1: %2 open cases</source>
        <translation>%1: %2 offene Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="261"/>
        <source> · the oldest: %1 (%2 days, %3)</source>
        <translation> · der älteste: %1 (%2 Tage, %3)</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="273"/>
        <source>Longest backlog: %1 with %2 open cases. Evened split of the letters: %3</source>
        <translation>Längster Rückstand: %1 mit %2 offenen Vorgängen. Ausgeglichene Aufteilung der Buchstaben: %3</translation>
    </message>
    <message>
        <location filename="../../ui/overview_page.py" line="293"/>
        <source>%1: %2 rows</source>
        <translation>%1: %2 Zeilen</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/person_dialog.py" line="72"/>
        <source>Edit person</source>
        <translation>Stammdaten bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="72"/>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="77"/>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="78"/>
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="79"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="80"/>
        <source>Place of birth</source>
        <translation>Geburtsort</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="81"/>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="82"/>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="83"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="84"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="85"/>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="86"/>
        <source>Passport no.</source>
        <translation>Passnummer</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="87"/>
        <source>AZR no.</source>
        <translation>AZR-Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="93"/>
        <source>DD.MM.YYYY, unknown parts 00</source>
        <translation>TT.MM.JJJJ, Unbekanntes als 00</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="108"/>
        <source>Probably recorded already</source>
        <translation>Wahrscheinlich schon erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="112"/>
        <source>It is another person because … (e.g. twin brother, other passport)</source>
        <translation>Es ist eine andere Person, weil … (z. B. Zwillingsbruder, anderer Pass)</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="114"/>
        <source>Open the recorded person</source>
        <translation>Erfasste Person öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="124"/>
        <source>Changed meanwhile at another workstation</source>
        <translation>Inzwischen an einem anderen Arbeitsplatz geändert</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="126"/>
        <source>Load the stored data (discard my entries)</source>
        <translation>Gespeicherten Stand laden (meine Eingaben verwerfen)</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="127"/>
        <source>Keep my entries and save over it</source>
        <translation>Meine Eingaben behalten und darüber speichern</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="164"/>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="165"/>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="166"/>
        <source>diverse</source>
        <translation>divers</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="167"/>
        <source>not stated</source>
        <translation>ohne Angabe</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="206"/>
        <source>Saved by %1 on %2.</source>
        <translation>Gespeichert von %1 am %2.</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="208"/>
        <source>yours</source>
        <translation>Ihre Eingabe</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="208"/>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="209"/>
        <source>Your entries differ in:</source>
        <translation>Ihre Eingaben weichen ab bei:</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="215"/>
        <source>Your entries are the same as the stored data.</source>
        <translation>Ihre Eingaben stimmen mit dem gespeicherten Stand überein.</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="247"/>
        <source>Possibly already recorded: %1</source>
        <translation>Möglicherweise schon erfasst: %1</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="288"/>
        <source>Please correct the marked fields. Nothing was saved.</source>
        <translation>Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/person_dialog.py" line="296"/>
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../ui/booking_dialog.py" line="210"/>
        <source>Name, date of birth or file number – Enter takes the first</source>
        <translation>Name, Geburtsdatum oder Aktenzeichen – Eingabe nimmt den ersten Treffer</translation>
    </message>
</context>
<context>
    <name>ReturnGrantDialog</name>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="235"/>
        <source>Return the grant</source>
        <translation>Bewilligung zurückgeben</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="238"/>
        <source>What is to change:</source>
        <translation>Was ist zu ändern:</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/review_page.py" line="65"/>
        <source>Waiting for my review</source>
        <translation>Warten auf meine Prüfung</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="66"/>
        <source>My notices in work</source>
        <translation>Meine Bescheide in Arbeit</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="71"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="72"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="73"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="74"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="75"/>
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="76"/>
        <source>Grounds</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="77"/>
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="78"/>
        <source>Hearing</source>
        <translation>Anhörung</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="86"/>
        <source>Approve (Ctrl+Enter)</source>
        <translation>Freigeben (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="88"/>
        <source>Return with comment…</source>
        <translation>Zurückgeben mit Kommentar …</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="89"/>
        <source>Open notice</source>
        <translation>Bescheid öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="127"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/review_page.py" line="128"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="141"/>
        <source>%1 waiting, %2 of them longer than three days</source>
        <translation>%1 warten, davon %2 länger als drei Tage</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="143"/>
        <source>%1 in work, %2 waiting too long for review</source>
        <translation>%1 in Arbeit, %2 warten zu lange auf Prüfung</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="177"/>
        <source>No notice chosen.</source>
        <translation>Kein Bescheid ausgewählt.</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="182"/>
        <source>Grounds: %1</source>
        <translation>Gründe: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="189"/>
        <source>Keeps a valid title (%1): refusal and fee only, no departure ordered</source>
        <translation>Behält einen gültigen Titel (%1): nur Ablehnung und Gebühr, keine Ausreiseaufforderung</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="195"/>
        <source>Period to leave: %1 days, target state %2</source>
        <translation>Ausreisefrist: %1 Tage, Zielstaat %2</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="199"/>
        <source>Fee: %1</source>
        <translation>Gebühr: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="200"/>
        <source>Hearing: %1</source>
        <translation>Anhörung: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="202"/>
        <source>Comment at the last return: %1</source>
        <translation>Kommentar bei der letzten Rückgabe: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="205"/>
        <source>Changed since it was returned:</source>
        <translation>Seit der Rückgabe geändert:</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="218"/>
        <source>Approved: %1</source>
        <translation>Freigegeben: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="241"/>
        <source>Return</source>
        <translation>Zurückgeben</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="241"/>
        <source>What should the caseworker change?</source>
        <translation>Was soll die Sachbearbeitung ändern?</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="248"/>
        <source>Returned: %1</source>
        <translation>Zurückgegeben: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="229"/>
        <source>Approve the rejection notice %1 for %2? It gets its final text and can be sent.</source>
        <translation>Ablehnungsbescheid %1 für %2 freigeben? Er erhält seine endgültige Fassung und kann versandt werden.</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="233"/>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../../ui/review_page.py" line="204"/>
        <source>Goes to: %1 (%2)</source>
        <translation>Geht an: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../ui/rules_dialog.py" line="56"/>
        <location filename="../../ui/rules_dialog.py" line="159"/>
        <source>Responsibility by surname letter</source>
        <translation>Zuständigkeit nach Anfangsbuchstaben</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="67"/>
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="67"/>
        <source>Letters (e.g. A–B, D–G, Ala–Alz)</source>
        <translation>Buchstaben (z. B. A–B, D–G, Ala–Alz)</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="70"/>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="71"/>
        <source>Remove row</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="77"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="78"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="79"/>
        <source>Open cases</source>
        <translation>Offene Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="87"/>
        <source>Reason for the change (goes into the log)</source>
        <translation>Grund der Änderung (wird protokolliert)</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="88"/>
        <source>Apply and move cases</source>
        <translation>Übernehmen und Vorgänge verschieben</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="90"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="106"/>
        <source>Area:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="231"/>
        <source>The rules cover A–Z without gaps or overlaps.</source>
        <translation>Die Regeln decken A–Z lückenlos und ohne Überschneidung ab.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/rules_dialog.py" line="238"/>
        <source>Preview: %n open case(s) would move.</source>
        <translation>
            <numerusform>Vorschau: %n offener Vorgang würde verschoben.</numerusform>
            <numerusform>Vorschau: %n offene Vorgänge würden verschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/rules_dialog.py" line="258"/>
        <source>Applied: %n open case(s) moved.</source>
        <translation>
            <numerusform>Übernommen: %n offener Vorgang verschoben.</numerusform>
            <numerusform>Übernommen: %n offene Vorgänge verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="266"/>
        <source>Moving open cases…</source>
        <translation>Offene Vorgänge werden verschoben …</translation>
    </message>
    <message>
        <location filename="../../ui/rules_dialog.py" line="159"/>
        <source>Discard the rules that are not applied?</source>
        <translation>Nicht übernommene Regeln verwerfen?</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../ui/search_page.py" line="325"/>
        <source>Legal representatives: %1</source>
        <translation>Gesetzliche Vertreter: %1</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="329"/>
        <source>(Person ▸ Legal representatives…, Ctrl+Shift+V)</source>
        <translation>(Person ▸ Gesetzliche Vertreter …, Strg+Umschalt+V)</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="67"/>
        <source>Search: name, date of birth (DD.MM.YYYY or year), file number or passport no.  (Ctrl+F)</source>
        <translation>Suche: Name, Geburtsdatum (TT.MM.JJJJ oder Jahr), Aktenzeichen oder Passnummer  (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="75"/>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="76"/>
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="77"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="78"/>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="79"/>
        <source>Passport no.</source>
        <translation>Passnummer</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="80"/>
        <source>Place of residence</source>
        <translation>Wohnort</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="86"/>
        <location filename="../../ui/search_page.py" line="172"/>
        <source>No person selected.</source>
        <translation>Keine Person ausgewählt.</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="92"/>
        <source>Residence title</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="93"/>
        <source>Legal basis</source>
        <translation>Rechtsgrundlage</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="94"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="96"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="97"/>
        <source>unlimited</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="104"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="105"/>
        <source>Procedure</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="106"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="107"/>
        <source>Applied on</source>
        <translation>Antrag vom</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="108"/>
        <source>Caseworker</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="109"/>
        <source>Deputy</source>
        <translation>Vertretung</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="135"/>
        <source>&amp;Residence titles</source>
        <translation>&amp;Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="137"/>
        <source>Ca&amp;ses (Enter opens)</source>
        <translation>Vor&amp;gänge (Eingabe öffnet)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search_page.py" line="220"/>
        <location filename="../../ui/search_page.py" line="229"/>
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n Person gefunden</numerusform>
            <numerusform>%n Personen gefunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="222"/>
        <source>more than %1 persons found …</source>
        <translation>mehr als %1 Personen gefunden …</translation>
    </message>
    <message>
        <location filename="../../ui/search_page.py" line="285"/>
        <source>Passport %1</source>
        <translation>Pass %1</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/start_page.py" line="59"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="60"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="61"/>
        <location filename="../../ui/start_page.py" line="108"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="62"/>
        <location filename="../../ui/start_page.py" line="109"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="63"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="67"/>
        <source>My deadlines: overdue, today, this week</source>
        <translation>Meine Fristen: überfällig, heute, diese Woche</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="72"/>
        <source>All deadlines (F6)</source>
        <translation>Alle Fristen (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="74"/>
        <source>My open cases</source>
        <translation>Meine offenen Vorgänge</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="77"/>
        <source>My cases (F7)</source>
        <translation>Meine Fälle (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="78"/>
        <source>Rejection notices</source>
        <translation>Ablehnungsbescheide</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="81"/>
        <source>Notices (F4)</source>
        <translation>Bescheide (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="105"/>
        <source>Grants to approve</source>
        <translation>Bewilligungen zur Freigabe</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="110"/>
        <source>Submitted by</source>
        <translation>Vorgelegt von</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="122"/>
        <source>eAT cards at the office</source>
        <translation>eAT-Karten zur Abholung</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="126"/>
        <source>Cards (F9)</source>
        <translation>Karten (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="149"/>
        <source>of %1 overdue the first %2</source>
        <translation>von %1 überfälligen die ersten %2</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="150"/>
        <source>of %1 due today the first %2</source>
        <translation>von %1 heute fälligen die ersten %2</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="151"/>
        <source>of %1 due this week the first %2</source>
        <translation>von %1 in dieser Woche fälligen die ersten %2</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="159"/>
        <source>Shown: %1. All of them under Deadlines (F6) or by a click on the tile.</source>
        <translation>Gezeigt: %1. Alle unter Fristen (F6) oder mit einem Klick auf die Kachel.</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="165"/>
        <source>Grants to approve: %1</source>
        <translation>Bewilligungen zur Freigabe: %1</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="189"/>
        <source>%1 waiting
%2 overdue</source>
        <translation>%1 warten
%2 überfällig</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="144"/>
        <source>%1
overdue</source>
        <translation>%1
überfällig</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="145"/>
        <source>%1
due today</source>
        <translation>%1
heute fällig</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="146"/>
        <source>%1
this week</source>
        <translation>%1
diese Woche</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="175"/>
        <source>My open cases: %1</source>
        <translation>Meine offenen Vorgänge: %1</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="180"/>
        <source>%1 waiting for my review, %2 of them overdue</source>
        <translation>%1 warten auf meine Prüfung, davon %2 überfällig</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="184"/>
        <source>%1 of my drafts returned to me</source>
        <translation>%1 meiner Entwürfe an mich zurückgegeben</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../ui/statistics_page.py" line="45"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_page.py" line="46"/>
        <source>Save as CSV…</source>
        <translation>Als CSV speichern …</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_page.py" line="47"/>
        <source>Save as Excel (XLSX)…</source>
        <translation>Als Excel (XLSX) speichern …</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_page.py" line="48"/>
        <source>Save the report (PDF)…</source>
        <translation>Bericht speichern (PDF) …</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_page.py" line="55"/>
        <source>Area:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_page.py" line="57"/>
        <source>Year:</source>
        <translation>Jahr:</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_page.py" line="78"/>
        <source>Whole office</source>
        <translation>Ganze Behörde</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_page.py" line="108"/>
        <source>Statistics %1 – %2</source>
        <translation>Statistik %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_page.py" line="134"/>
        <source>Save the statistics</source>
        <translation>Statistik speichern</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_page.py" line="150"/>
        <source>Statistics saved: %1</source>
        <translation>Statistik gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/tasks.py" line="133"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>TextBlocksDialog</name>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="44"/>
        <location filename="../../ui/textblocks_dialog.py" line="137"/>
        <source>Text blocks of the letters</source>
        <translation>Textbausteine der Schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="53"/>
        <source>Check and preview (F5)</source>
        <translation>Prüfen und Vorschau (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="54"/>
        <source>Save for the office</source>
        <translation>Für die Behörde speichern</translation>
    </message>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="55"/>
        <source>Back to the shipped text blocks…</source>
        <translation>Zurück zum Auslieferungsstand …</translation>
    </message>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="75"/>
        <source>Sample letter:</source>
        <translation>Probeschreiben:</translation>
    </message>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="98"/>
        <source>Edited by the administration (kept in the database for every workstation)</source>
        <translation>Von der Administration bearbeitet (in der Datenbank, für alle Arbeitsplätze)</translation>
    </message>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="100"/>
        <source>As shipped (resources/letters/textbausteine.toml)</source>
        <translation>Auslieferungsstand (resources/letters/textbausteine.toml)</translation>
    </message>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="111"/>
        <source>Checked: every placeholder is known and every kind of letter prints.</source>
        <translation>Geprüft: alle Platzhalter sind bekannt und jede Art von Schreiben lässt sich drucken.</translation>
    </message>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="122"/>
        <source>Saved. New letters use these text blocks.</source>
        <translation>Gespeichert. Neue Schreiben verwenden diese Textbausteine.</translation>
    </message>
    <message>
        <location filename="../../ui/textblocks_dialog.py" line="137"/>
        <source>Discard the changes that are not saved?</source>
        <translation>Nicht gespeicherte Änderungen verwerfen?</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="191"/>
        <source>Application withdrawn</source>
        <translation>Antrag zurückgenommen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="198"/>
        <source>e.g. moves to Hamburg</source>
        <translation>z. B. zieht nach Hamburg</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="199"/>
        <source>Withdrawal received on:</source>
        <translation>Rücknahme eingegangen am:</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="200"/>
        <source>How:</source>
        <translation>Wie:</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialogs.py" line="201"/>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="59"/>
        <source>ABH Desk is already running for you on this workstation.</source>
        <translation>ABH Desk läuft auf diesem Arbeitsplatz bereits für Sie.</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../ui/dispatch_dialog.py" line="43"/>
        <source>Delivered on (certificate)</source>
        <translation>Zugestellt am (laut Urkunde)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_dialog.py" line="41"/>
        <source>Posted / handed over on</source>
        <translation>Zur Post gegeben / ausgehändigt am</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_dialog.py" line="42"/>
        <source>Way</source>
        <translation>Versandart</translation>
    </message>
</context>
<context>
    <name>ChangedElsewhereBar</name>
    <message>
        <location filename="../../ui/live_updates.py" line="1"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../../ui/live_updates.py" line="1"/>
        <source>Changed at another workstation by %1.</source>
        <translation>Von %1 an einem anderen Arbeitsplatz geändert.</translation>
    </message>
    <message>
        <location filename="../../ui/live_updates.py" line="1"/>
        <source>Changed at another workstation.</source>
        <translation>An einem anderen Arbeitsplatz geändert.</translation>
    </message>
    <message>
        <location filename="../../ui/live_updates.py" line="1"/>
        <source>Changed in another window of this program.</source>
        <translation>In einem anderen Fenster dieses Programms geändert.</translation>
    </message>
    <message>
        <location filename="../../ui/live_updates.py" line="1"/>
        <source>Your entries stay until you reload, which discards them; saving them would be refused as outdated — copy what you want to keep, reload, and enter it again.</source>
        <translation>Ihre Eingaben bleiben stehen, bis Sie neu laden – das verwirft sie. Speichern würde als veraltet abgelehnt: kopieren Sie, was Sie behalten wollen, laden Sie neu und fügen Sie es wieder ein.</translation>
    </message>
    <message>
        <location filename="../../ui/live_updates.py" line="1"/>
        <source>Shown as it is now.</source>
        <translation>Hier der aktuelle Stand.</translation>
    </message>
</context>
<context>
    <name>ScanIntake</name>
    <message>
        <location filename="../../ui/scan_intake.py" line="66"/>
        <source>Scan… (Ctrl+S)</source>
        <translation>Scan … (Strg+S)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_intake.py" line="68"/>
        <source>Attach a scanned file to the chosen document and tick it as received (or drop files here)</source>
        <translation>Eine gescannte Datei an die gewählte Unterlage hängen und sie als eingegangen abhaken (oder Dateien hierher ziehen)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_intake.py" line="71"/>
        <source>From scanner</source>
        <translation>Vom Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/scan_intake.py" line="91"/>
        <source>From scanner: %1</source>
        <translation>Vom Scanner: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scan_intake.py" line="91"/>
        <source>From scanner (no new scan)</source>
        <translation>Vom Scanner (kein neuer Scan)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_intake.py" line="102"/>
        <source>Attach scan</source>
        <translation>Scan anhängen</translation>
    </message>
</context>
<context>
    <name>EFileDialog</name>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="68"/>
        <source>Whole file</source>
        <translation>Ganze Akte</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="88"/>
        <source>The file has no documents or letters yet.</source>
        <translation>Die Akte enthält noch keine Dokumente oder Schreiben.</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="96"/>
        <source>File for the &amp;court…</source>
        <translation>Aktenvorlage für das &amp;Gericht …</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="97"/>
        <source>&amp;Remove document…</source>
        <translation>Dokument &amp;entfernen …</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="123"/>
        <source>Whole file – %1</source>
        <translation>Ganze Akte – %1</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="125"/>
        <source>%1 (* %2) · %3 pieces</source>
        <translation>%1 (* %2) · %3 Stücke</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="1"/>
        <source>%1 page(s)</source>
        <translation>%1 Seite(n)</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="229"/>
        <source>Remove document</source>
        <translation>Dokument entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="230"/>
        <source>Why is „%1“ removed from the file? (logged)</source>
        <translation>Warum wird „%1“ aus der Akte entfernt? (wird protokolliert)</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="246"/>
        <source>Save the file for the court</source>
        <translation>Aktenvorlage speichern</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="260"/>
        <source>Compiling the file for the court…</source>
        <translation>Die Aktenvorlage wird zusammengestellt …</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="269"/>
        <source>File for the court saved: %1 (%2 pages).</source>
        <translation>Aktenvorlage gespeichert: %1 (%2 Seiten).</translation>
    </message>
</context>
<context>
    <name>CourtFileOptions</name>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="285"/>
        <source>File for the court</source>
        <translation>Aktenvorlage für das Gericht</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="293"/>
        <source>e.g. 4 K 123/26</source>
        <translation>z. B. 4 K 123/26</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="298"/>
        <source>Cases in the file for the court (all: the whole file):</source>
        <translation>Vorgänge in der Aktenvorlage (alle: die ganze Akte):</translation>
    </message>
    <message>
        <location filename="../../ui/e_file_dialog.py" line="300"/>
        <source>The court's reference (optional):</source>
        <translation>Aktenzeichen des Gerichts (wenn bekannt):</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../ui/booking_dialog.py" line="1"/>
        <source>Please choose the concern</source>
        <translation>Bitte das Anliegen wählen</translation>
    </message>
    <message>
        <location filename="../../ui/booking_dialog.py" line="1"/>
        <source>Please choose the concern first.</source>
        <translation>Bitte zuerst das Anliegen wählen.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>The database did not complete the work (the server may be unreachable or the disk full); what was being saved was not saved. Please try again; if it happens again, tell the administration (the details are in the log).</source>
        <translation>Die Datenbank hat die Arbeit nicht abgeschlossen (der Server ist vielleicht nicht erreichbar oder die Platte voll); was gespeichert werden sollte, ist nicht gespeichert. Bitte noch einmal versuchen; geschieht es wieder, bitte der Administration Bescheid geben (die Einzelheiten stehen im Protokoll).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>(without a name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>it does not exist</source>
        <translation>es gibt sie nicht</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>access is not allowed</source>
        <translation>der Zugriff ist nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>the disk is full</source>
        <translation>die Platte ist voll</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>the drive is read-only</source>
        <translation>das Laufwerk ist schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>the system refused</source>
        <translation>das System hat es abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>The file %1 could not be read or written: %2. Please check the path and try again.</source>
        <translation>Die Datei %1 ließ sich nicht lesen oder schreiben: %2. Bitte den Pfad prüfen und noch einmal versuchen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="1"/>
        <source>Something went wrong that the program did not expect (%1). Please try again; if it happens again, tell the administration (the details are in the log).</source>
        <translation>Etwas ist schiefgegangen, womit das Programm nicht gerechnet hat (%1). Bitte noch einmal versuchen; geschieht es wieder, bitte der Administration Bescheid geben (die Einzelheiten stehen im Protokoll).</translation>
    </message>
</context>
<context>
    <name>RepresentativesDialog</name>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="271"/>
        <source>Discard the entries that are not saved?</source>
        <translation>Nicht gespeicherte Eingaben verwerfen?</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="337"/>
        <source>Remove %1 as legal representative? The removal is logged.</source>
        <translation>%1 als gesetzliche Vertretung entfernen? Das Entfernen wird protokolliert.</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="59"/>
        <source>Legal representatives of %1</source>
        <translation>Gesetzliche Vertreter von %1</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="64"/>
        <source>Representation</source>
        <translation>Vertretung</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="65"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="66"/>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="67"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="71"/>
        <source>&amp;Recorded representatives</source>
        <translation>&amp;Erfasste Vertreter</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="73"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="74"/>
        <source>&amp;Change</source>
        <translation>Än&amp;dern</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="75"/>
        <source>Re&amp;move</source>
        <translation>Entfe&amp;rnen</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="83"/>
        <source>Representative</source>
        <translation>Vertreterin oder Vertreter</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="89"/>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="89"/>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="89"/>
        <source>diverse</source>
        <translation>divers</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="90"/>
        <source>not stated</source>
        <translation>ohne Angabe</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="93"/>
        <source>e.g. Landratsamt Konstanz – Jugendamt</source>
        <translation>z. B. Landratsamt Konstanz – Jugendamt</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="94"/>
        <source>DD.MM.YYYY (optional)</source>
        <translation>TT.MM.JJJJ (freiwillig)</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="96"/>
        <source>&amp;Family name</source>
        <translation>&amp;Familienname</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="97"/>
        <source>&amp;Given names</source>
        <translation>&amp;Vornamen</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="98"/>
        <source>&amp;Youth welfare office</source>
        <translation>&amp;Jugendamt</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="99"/>
        <source>&amp;Street</source>
        <translation>S&amp;traße</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="100"/>
        <source>&amp;Postcode</source>
        <translation>&amp;Postleitzahl</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="101"/>
        <source>&amp;Town</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="102"/>
        <source>&amp;Valid from</source>
        <translation>&amp;Gültig ab</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="104"/>
        <source>&amp;Kind</source>
        <translation>&amp;Art der Vertretung</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="107"/>
        <source>Se&amp;x</source>
        <translation>Ge&amp;schlecht</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="110"/>
        <source>&amp;Save representative</source>
        <translation>Vertretung spei&amp;chern</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="111"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="182"/>
        <source>Change representative</source>
        <translation>Vertretung ändern</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="182"/>
        <source>New representative</source>
        <translation>Neue Vertretung</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="211"/>
        <source>Please enter as DD.MM.YYYY.</source>
        <translation>Bitte als TT.MM.JJJJ angeben.</translation>
    </message>
    <message>
        <location filename="../../ui/representatives_dialog.py" line="260"/>
        <source>Please correct the marked fields. Nothing was saved.</source>
        <translation>Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.</translation>
    </message>
</context>
</TS>
