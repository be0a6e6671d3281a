<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FileRemovalJob</name>
    <message>
        <source>%1: no imported file has the SHA-256 %2</source>
        <translation>%1: Keine importierte Datei hat den SHA-256 %2</translation>
    </message>
    <message>
        <source>Removal of %1 cancelled; the case is unchanged</source>
        <translation>Entfernen von %1 abgebrochen; der Fall ist unverändert</translation>
    </message>
    <message>
        <source>%1; the case is unchanged</source>
        <translation>%1; der Fall ist unverändert</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>Go to Time</source>
        <translation>Gehe zu Zeitpunkt</translation>
    </message>
    <message>
        <source>Time (ISO 8601, UTC unless a zone is given, or epoch seconds):</source>
        <translation>Zeitpunkt (ISO 8601, UTC, wenn keine Zone angegeben ist, oder Epochensekunden):</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time.</source>
        <translation>&apos;%1&apos; ist kein Zeitpunkt.</translation>
    </message>
    <message>
        <source>The case spans %1 to %2.</source>
        <translation>Der Fall reicht von %1 bis %2.</translation>
    </message>
</context>
<context>
    <name>TimelinePlot</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiteres</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope</name>
    <message>
        <source>
New: not seen before the time range</source>
        <translation>
Neu: vor dem Zeitraum nicht gesehen</translation>
    </message>
    <message>
        <source>
Gone: seen before the time range, not in it</source>
        <translation>
Verschwunden: vor dem Zeitraum gesehen, nicht darin</translation>
    </message>
    <message>
        <source>ACCEPT</source>
        <translation>ACCEPT</translation>
    </message>
    <message>
        <source>REJECT</source>
        <translation>REJECT</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>ausgehend</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <source>This reply was logged %1 by %2.</source>
        <translation>Diese Antwort wurde von %2 %1 protokolliert.</translation>
    </message>
    <message>
        <source>This request was logged %1 by %2.</source>
        <translation>Diese Anfrage wurde von %2 %1 protokolliert.</translation>
    </message>
    <message>
        <source>Its request is record %1 there (%2).</source>
        <translation>Ihre Anfrage ist dort Datensatz %1 (%2).</translation>
    </message>
    <message>
        <source>Its reply is record %1 there (%2).</source>
        <translation>Ihre Antwort ist dort Datensatz %1 (%2).</translation>
    </message>
    <message>
        <source>%1 at the other end logged the request as record %2 (ACCEPT): it left there and was rejected entering %3.</source>
        <translation>%1 am anderen Ende hat die Anfrage als Datensatz %2 (ACCEPT) protokolliert: Sie hat es dort verlassen und wurde beim Eintritt in %3 abgelehnt.</translation>
    </message>
    <message>
        <source>%1 at the other end logged the request as record %2 (%3).</source>
        <translation>%1 am anderen Ende hat die Anfrage als Datensatz %2 (%3) protokolliert.</translation>
    </message>
    <message>
        <source>%1 at the other end logged the reply as record %2 (%3).</source>
        <translation>%1 am anderen Ende hat die Antwort als Datensatz %2 (%3) protokolliert.</translation>
    </message>
    <message>
        <source>No request for it lies nearby on %1: a network ACL, or a packet after the connection closed, is likelier than a security group.</source>
        <translation>Keine Anfrage dazu liegt in der Nähe auf %1: Eine Netzwerk-ACL oder ein Paket nach dem Ende der Verbindung ist wahrscheinlicher als eine Sicherheitsgruppe.</translation>
    </message>
    <message>
        <source>No reply to it lies nearby on %1.</source>
        <translation>Keine Antwort darauf liegt in der Nähe auf %1.</translation>
    </message>
    <message>
        <source>No interface of the case logged it at the other end (that end may not be logged).</source>
        <translation>Keine Schnittstelle des Falls hat ihn am anderen Ende protokolliert (dieses Ende wird vielleicht nicht protokolliert).</translation>
    </message>
    <message>
        <source>%1 flows, %2, %3 packets
%4 accepted, %5 rejected</source>
        <translation>%1 Flows, %2, %3 Pakete
%4 akzeptiert, %5 abgelehnt</translation>
    </message>
</context>
<context>
    <name>flowscope::AboutDialog</name>
    <message>
        <source>About Flowscope</source>
        <translation>Über Flowscope</translation>
    </message>
    <message>
        <source>An investigation workbench for AWS VPC Flow Logs.</source>
        <translation>Eine Arbeitsumgebung für Untersuchungen von AWS VPC Flow Logs.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Flowscope %1</source>
        <translation>Flowscope %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.&lt;/p&gt;&lt;p&gt;This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for more details.&lt;/p&gt;&lt;p&gt;You should have received a copy of the GNU General Public License along with this program. If not, see &lt;a href=&quot;https://www.gnu.org/licenses/&quot;&gt;https://www.gnu.org/licenses/&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;The timeline uses QCustomPlot by Emanuel Eichhammer, licensed under the GNU General Public License version 3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieses Programm ist freie Software: Sie können es unter den Bedingungen der GNU General Public License, wie von der Free Software Foundation veröffentlicht, weitergeben und/oder modifizieren, entweder gemäß Version 3 der Lizenz oder (nach Ihrer Wahl) jeder späteren Version.&lt;/p&gt;&lt;p&gt;Die Veröffentlichung dieses Programms erfolgt in der Hoffnung, dass es Ihnen von Nutzen sein wird, aber OHNE IRGENDEINE GARANTIE, sogar ohne die implizite Garantie der MARKTREIFE oder der VERWENDBARKEIT FÜR EINEN BESTIMMTEN ZWECK. Details finden Sie in der GNU General Public License.&lt;/p&gt;&lt;p&gt;Sie sollten ein Exemplar der GNU General Public License zusammen mit diesem Programm erhalten haben. Falls nicht, siehe &lt;a href=&quot;https://www.gnu.org/licenses/&quot;&gt;https://www.gnu.org/licenses/&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Die Zeitleiste verwendet QCustomPlot von Emanuel Eichhammer, lizenziert unter der GNU General Public License Version 3.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>flowscope::CaseSession</name>
    <message>
        <source>%1 already exists: choose another name for the new case.</source>
        <translation>%1 gibt es schon: Wählen Sie einen anderen Namen für den neuen Fall.</translation>
    </message>
    <message>
        <source>Cannot create the case %1: %2</source>
        <translation>Der Fall %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>The case holds no configuration snapshot %1.</source>
        <translation>Der Fall enthält keinen Konfigurations-Snapshot %1.</translation>
    </message>
    <message>
        <source>Cannot remove configuration snapshot %1: %2</source>
        <translation>Konfigurations-Snapshot %1 kann nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::CaseStatusLabel</name>
    <message>
        <source>%1 records</source>
        <translation>%1 Datensätze</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln Datensatz</numerusform>
            <numerusform>%Ln Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln Fehler</numerusform>
            <numerusform>%Ln Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be imported: see the import report</source>
        <translation>
            <numerusform>%Ln Datei konnte nicht importiert werden: siehe Importbericht</numerusform>
            <numerusform>%Ln Dateien konnten nicht importiert werden: siehe Importbericht</numerusform>
        </translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
</context>
<context>
    <name>flowscope::CaseSummaryView</name>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>%1 imported, %2 rejected</source>
        <translation>%1 importiert, %2 abgewiesen</translation>
    </message>
    <message>
        <source>ENIs</source>
        <translation>ENIs</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formate</translation>
    </message>
    <message numerus="yes">
        <source>%n format(s)</source>
        <translation>
            <numerusform>%n Format</numerusform>
            <numerusform>%n Formate</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 Datensätze</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln Datensatz</numerusform>
            <numerusform>%Ln Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::CsvExportController</name>
    <message>
        <source>Exporting to %1…
%2 rows written</source>
        <translation>Export nach %1…
%2 Zeilen geschrieben</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written</source>
        <translation>Export abgebrochen: %1 wurde nicht geschrieben</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 exportiert</numerusform>
            <numerusform>%Ln Zeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export %1 as &amp;CSV…</source>
        <translation>%1 als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Exporting to %1…
%2 of %3 rows written</source>
        <translation>Export nach %1…
%2 von %3 Zeilen geschrieben</translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>%1 als CSV exportieren</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Feststellungen</translation>
    </message>
    <message>
        <source>Incident Timeline</source>
        <translation>Vorfall-Zeitleiste</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Reject Groups</source>
        <translation>Ablehnungsgruppen</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
</context>
<context>
    <name>flowscope::DetectionSettingsDialog</name>
    <message>
        <source>Detection Settings</source>
        <translation>Detektionseinstellungen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>%1 (default %2)</source>
        <translation>%1 (Standard %2)</translation>
    </message>
    <message>
        <source>Thresholds of Run Detections. Byte counts take units (500 MB, 2 GiB); port lists are separated by commas.</source>
        <translation>Schwellenwerte für Detektionen ausführen. Byte-Angaben nehmen Einheiten an (500 MB, 2 GiB); Portlisten werden durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>needs a value</source>
        <translation>braucht einen Wert</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
</context>
<context>
    <name>flowscope::EmptyCaseView</name>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message>
        <source>A case is one file (.flowcase) holding the flow logs of an investigation. Create one, then import flow-log files or folders into it with File &gt; Import, or by dropping them onto this window.</source>
        <translation>Ein Fall ist eine Datei (.flowcase) mit den Flow Logs einer Untersuchung. Legen Sie einen an und importieren Sie dann Flow-Log-Dateien oder Ordner mit Datei &gt; Importieren oder indem Sie sie auf dieses Fenster ziehen.</translation>
    </message>
    <message>
        <source>New Case…</source>
        <translation>Neuer Fall…</translation>
    </message>
    <message>
        <source>Open Case…</source>
        <translation>Fall öffnen…</translation>
    </message>
</context>
<context>
    <name>flowscope::EvidenceModel</name>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Request at the other end</source>
        <translation>Anfrage am anderen Ende</translation>
    </message>
    <message>
        <source>Reply at the other end</source>
        <translation>Antwort am anderen Ende</translation>
    </message>
    <message>
        <source>%1 (other end)</source>
        <translation>%1 (anderes Ende)</translation>
    </message>
    <message>
        <source>%1 (this interface)</source>
        <translation>%1 (diese Schnittstelle)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Click to go to it in the flow table</source>
        <translation>Klicken, um in der Flow-Tabelle zu ihm zu gehen</translation>
    </message>
    <message>
        <source>Click to go to it in the flow table. This filter shows it: %1</source>
        <translation>Klicken, um in der Flow-Tabelle zu ihm zu gehen. Dieser Filter zeigt ihn: %1</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Started %1 UTC.</source>
        <translation>Begonnen %1 UTC.</translation>
    </message>
</context>
<context>
    <name>flowscope::ExplanationRulesModel</name>
    <message>
        <source>Source security groups, outbound</source>
        <translation>Sicherheitsgruppen der Quelle, ausgehend</translation>
    </message>
    <message>
        <source>Source network ACL, outbound</source>
        <translation>Netzwerk-ACL der Quelle, ausgehend</translation>
    </message>
    <message>
        <source>Destination network ACL, inbound</source>
        <translation>Netzwerk-ACL des Ziels, eingehend</translation>
    </message>
    <message>
        <source>Destination security groups, inbound</source>
        <translation>Sicherheitsgruppen des Ziels, eingehend</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>nicht ausgewertet</translation>
    </message>
    <message>
        <source>not evaluated: %1</source>
        <translation>nicht ausgewertet: %1</translation>
    </message>
    <message>
        <source>allowed it (the reply of an allowed request)</source>
        <translation>Erlaubt (die Antwort auf eine erlaubte Anfrage)</translation>
    </message>
    <message>
        <source>allowed it</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>DENIED it</source>
        <translation>VERWEIGERT</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>nicht eindeutig</translation>
    </message>
    <message>
        <source>inconclusive: %1</source>
        <translation>nicht eindeutig: %1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>Typ %1</translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation>Typ %1 Code %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>at the interface that logged the record</source>
        <translation>an der Schnittstelle, die den Datensatz protokollierte</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>zulassen</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>verweigern</translation>
    </message>
    <message>
        <source>first match: allows</source>
        <translation>erster Treffer: lässt zu</translation>
    </message>
    <message>
        <source>first match: denies</source>
        <translation>erster Treffer: verweigert</translation>
    </message>
    <message>
        <source>not in the snapshot</source>
        <translation>nicht im Snapshot</translation>
    </message>
    <message>
        <source>admits the flow</source>
        <translation>lässt den Flow zu</translation>
    </message>
    <message>
        <source>near miss</source>
        <translation>knapp verfehlt</translation>
    </message>
    <message>
        <source>near miss: %1</source>
        <translation>knapp verfehlt: %1</translation>
    </message>
    <message>
        <source>no outbound rules</source>
        <translation>keine ausgehenden Regeln</translation>
    </message>
    <message>
        <source>no inbound rules</source>
        <translation>keine eingehenden Regeln</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Rule action</source>
        <translation>Regelaktion</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>all traffic</source>
        <translation>gesamter Verkehr</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>protocol ports</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>nach %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4</source>
        <comment>rule number, action, what, peer</comment>
        <translation>%1 %2 %3 %4</translation>
    </message>
    <message>
        <source> — first match</source>
        <translation> — erster Treffer</translation>
    </message>
    <message>
        <source>%1: not in the snapshot</source>
        <translation>%1: nicht im Snapshot</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <comment>action, what, peer</comment>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source> — admits the flow</source>
        <translation> — lässt den Flow zu</translation>
    </message>
    <message>
        <source> — near miss: %1</source>
        <translation> — knapp verfehlt: %1</translation>
    </message>
</context>
<context>
    <name>flowscope::FieldCatalog</name>
    <message>
        <source>Flow log version</source>
        <translation>Version des Flow Logs</translation>
    </message>
    <message>
        <source>AWS account of the source interface</source>
        <translation>AWS-Konto der Quellschnittstelle</translation>
    </message>
    <message>
        <source>Network interface (ENI) id</source>
        <translation>ID der Netzwerkschnittstelle (ENI)</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>Quelladresse</translation>
    </message>
    <message>
        <source>Destination address</source>
        <translation>Zieladresse</translation>
    </message>
    <message>
        <source>Source port</source>
        <translation>Quellport</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <source>IANA protocol number</source>
        <translation>IANA-Protokollnummer</translation>
    </message>
    <message>
        <source>Packets in the interval</source>
        <translation>Pakete im Intervall</translation>
    </message>
    <message>
        <source>Bytes in the interval</source>
        <translation>Bytes im Intervall</translation>
    </message>
    <message>
        <source>First packet (Unix seconds)</source>
        <translation>Erstes Paket (Unix-Sekunden)</translation>
    </message>
    <message>
        <source>Last packet (Unix seconds)</source>
        <translation>Letztes Paket (Unix-Sekunden)</translation>
    </message>
    <message>
        <source>ACCEPT or REJECT</source>
        <translation>ACCEPT oder REJECT</translation>
    </message>
    <message>
        <source>OK, NODATA or SKIPDATA</source>
        <translation>OK, NODATA oder SKIPDATA</translation>
    </message>
    <message>
        <source>VPC of the interface</source>
        <translation>VPC der Schnittstelle</translation>
    </message>
    <message>
        <source>Subnet of the interface</source>
        <translation>Subnetz der Schnittstelle</translation>
    </message>
    <message>
        <source>Instance owning the interface</source>
        <translation>Instanz, zu der die Schnittstelle gehört</translation>
    </message>
    <message>
        <source>TCP flags OR-ed over the interval</source>
        <translation>TCP-Flags, über das Intervall ODER-verknüpft</translation>
    </message>
    <message>
        <source>IPv4, IPv6 or EFA</source>
        <translation>IPv4, IPv6 oder EFA</translation>
    </message>
    <message>
        <source>Packet-level source address</source>
        <translation>Quelladresse auf Paketebene</translation>
    </message>
    <message>
        <source>Packet-level destination address</source>
        <translation>Zieladresse auf Paketebene</translation>
    </message>
    <message>
        <source>Region of the interface</source>
        <translation>Region der Schnittstelle</translation>
    </message>
    <message>
        <source>Availability Zone id</source>
        <translation>ID der Availability Zone</translation>
    </message>
    <message>
        <source>wavelength, outpost or localzone</source>
        <translation>wavelength, outpost oder localzone</translation>
    </message>
    <message>
        <source>Id of the sublocation</source>
        <translation>ID der Sublocation</translation>
    </message>
    <message>
        <source>AWS service of pkt-srcaddr</source>
        <translation>AWS-Dienst von pkt-srcaddr</translation>
    </message>
    <message>
        <source>AWS service of pkt-dstaddr</source>
        <translation>AWS-Dienst von pkt-dstaddr</translation>
    </message>
    <message>
        <source>ingress or egress</source>
        <translation>ingress oder egress</translation>
    </message>
    <message>
        <source>Egress path (1-8)</source>
        <translation>Weg des ausgehenden Verkehrs (1-8)</translation>
    </message>
    <message>
        <source>ECS cluster ARN</source>
        <translation>ECS-Cluster-ARN</translation>
    </message>
    <message>
        <source>ECS cluster name</source>
        <translation>ECS-Clustername</translation>
    </message>
    <message>
        <source>ECS container instance ARN</source>
        <translation>ECS-Container-Instanz-ARN</translation>
    </message>
    <message>
        <source>ECS container instance id</source>
        <translation>ECS-Container-Instanz-ID</translation>
    </message>
    <message>
        <source>First container&apos;s runtime id</source>
        <translation>Laufzeit-ID des ersten Containers</translation>
    </message>
    <message>
        <source>Second container&apos;s runtime id</source>
        <translation>Laufzeit-ID des zweiten Containers</translation>
    </message>
    <message>
        <source>ECS service name</source>
        <translation>ECS-Dienstname</translation>
    </message>
    <message>
        <source>ECS task definition ARN</source>
        <translation>ECS-Aufgabendefinitions-ARN</translation>
    </message>
    <message>
        <source>ECS task ARN</source>
        <translation>ECS-Aufgaben-ARN</translation>
    </message>
    <message>
        <source>ECS task id</source>
        <translation>ECS-Aufgaben-ID</translation>
    </message>
    <message>
        <source>Why the traffic was rejected (e.g. BPA)</source>
        <translation>Warum der Verkehr abgelehnt wurde (z. B. BPA)</translation>
    </message>
    <message>
        <source>Resource id (newer field)</source>
        <translation>Ressourcen-ID (neueres Feld)</translation>
    </message>
    <message>
        <source>VPC encryption status 0-3</source>
        <translation>VPC-Verschlüsselungsstatus 0-3</translation>
    </message>
</context>
<context>
    <name>flowscope::FilterBar</name>
    <message>
        <source>The filter is not finished</source>
        <translation>Der Filter ist noch nicht vollständig</translation>
    </message>
    <message>
        <source>The filter is not valid</source>
        <translation>Der Filter ist ungültig</translation>
    </message>
    <message>
        <source>Filter: e.g. addr == 10.0.0.0/8 and action == reject</source>
        <translation>Filter: z. B. addr == 10.0.0.0/8 and action == reject</translation>
    </message>
    <message>
        <source>Display filter</source>
        <translation>Anzeigefilter</translation>
    </message>
    <message>
        <source>Type a filter; Enter applies it, Escape restores the filter in force, Ctrl+Space completes</source>
        <translation>Filter eingeben; Eingabe wendet ihn an, Escape stellt den geltenden Filter wieder her, Strg+Leertaste ergänzt</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Recent and saved filters</source>
        <translation>Letzte und gespeicherte Filter</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Apply the filter (Enter)</source>
        <translation>Filter anwenden (Eingabe)</translation>
    </message>
    <message>
        <source>Apply filter</source>
        <translation>Filter anwenden</translation>
    </message>
    <message>
        <source>Remove Saved Filter</source>
        <translation>Gespeicherten Filter entfernen</translation>
    </message>
    <message>
        <source>Display filter: Enter applies it, Escape restores the filter in force</source>
        <translation>Anzeigefilter: Eingabe wendet ihn an, Escape stellt den geltenden Filter wieder her</translation>
    </message>
    <message>
        <source>Open a case to save filters in it.</source>
        <translation>Öffnen Sie einen Fall, um Filter darin zu speichern.</translation>
    </message>
    <message>
        <source>A saved filter needs a name.</source>
        <translation>Ein gespeicherter Filter braucht einen Namen.</translation>
    </message>
    <message>
        <source>Only a valid, non-empty filter can be saved.</source>
        <translation>Nur ein gültiger, nicht leerer Filter kann gespeichert werden.</translation>
    </message>
    <message>
        <source>The filter could not be saved: %1</source>
        <translation>Der Filter konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The saved filter could not be removed: %1</source>
        <translation>Der gespeicherte Filter konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name for %1:</source>
        <translation>Name für %1:</translation>
    </message>
    <message>
        <source>Filter not applied (%1): the table still shows every record.</source>
        <translation>Filter nicht angewendet (%1): Die Tabelle zeigt weiterhin alle Datensätze.</translation>
    </message>
    <message>
        <source>Filter not applied (%1): the table still shows %2</source>
        <translation>Filter nicht angewendet (%1): Die Tabelle zeigt weiterhin %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Showing the evidence of finding %1.</source>
        <translation>Gezeigt werden die Belege des Befunds %1.</translation>
    </message>
    <message>
        <source>Back to every record</source>
        <translation>Zurück zu allen Datensätzen</translation>
    </message>
    <message>
        <source>Back to %1</source>
        <translation>Zurück zu %1</translation>
    </message>
</context>
<context>
    <name>flowscope::FilterBarMenu</name>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Recent Filters</source>
        <translation>Letzte Filter</translation>
    </message>
    <message>
        <source>No recent filters</source>
        <translation>Keine letzten Filter</translation>
    </message>
    <message>
        <source>Saved Filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Open a case to save filters in it</source>
        <translation>Öffnen Sie einen Fall, um Filter darin zu speichern</translation>
    </message>
    <message>
        <source>No saved filters</source>
        <translation>Keine gespeicherten Filter</translation>
    </message>
    <message>
        <source>&amp;Save Filter…</source>
        <translation>Filter &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Remove Saved Filter</source>
        <translation>Gespeicherten Filter &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Filters</source>
        <translation>Letzte Filter &amp;löschen</translation>
    </message>
</context>
<context>
    <name>flowscope::FilterCompletion</name>
    <message>
        <source>srcaddr or dstaddr</source>
        <translation>srcaddr oder dstaddr</translation>
    </message>
    <message>
        <source>srcport or dstport</source>
        <translation>srcport oder dstport</translation>
    </message>
    <message>
        <source>interface-id</source>
        <translation>interface-id</translation>
    </message>
    <message>
        <source>the record&apos;s span from start to end</source>
        <translation>die Zeitspanne des Datensatzes von Beginn bis Ende</translation>
    </message>
    <message>
        <source>a security group of the interface, by id or name (from the configuration snapshot)</source>
        <translation>eine Sicherheitsgruppe der Schnittstelle, nach ID oder Name (aus dem Konfigurations-Snapshot)</translation>
    </message>
    <message>
        <source>the Name tag of the interface&apos;s instance (from the configuration snapshot)</source>
        <translation>das Name-Tag der Instanz der Schnittstelle (aus dem Konfigurations-Snapshot)</translation>
    </message>
    <message>
        <source>the name of the interface&apos;s subnet (from the configuration snapshot)</source>
        <translation>der Name des Subnetzes der Schnittstelle (aus dem Konfigurations-Snapshot)</translation>
    </message>
    <message>
        <source>the name of the interface&apos;s VPC (from the configuration snapshot)</source>
        <translation>der Name der VPC der Schnittstelle (aus dem Konfigurations-Snapshot)</translation>
    </message>
    <message>
        <source>negates the term that follows</source>
        <translation>verneint den folgenden Ausdruck</translation>
    </message>
    <message>
        <source>has a TCP flag: has syn</source>
        <translation>hat ein TCP-Flag: has syn</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>differs from (or is absent)</source>
        <translation>ungleich (oder fehlt)</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>kleiner als</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <source>greater than</source>
        <translation>größer als</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <source>in a set: in {a, b, lo..hi}</source>
        <translation>in einer Menge: in {a, b, lo..hi}</translation>
    </message>
    <message>
        <source>contains a string</source>
        <translation>enthält eine Zeichenkette</translation>
    </message>
    <message>
        <source>matches a regular expression</source>
        <translation>passt auf einen regulären Ausdruck</translation>
    </message>
    <message>
        <source>in an IOC list: in @name</source>
        <translation>in einer IOC-Liste: in @name</translation>
    </message>
    <message>
        <source>in this case</source>
        <translation>in diesem Fall</translation>
    </message>
    <message>
        <source>in the configuration snapshot</source>
        <translation>im Konfigurations-Snapshot</translation>
    </message>
    <message>
        <source>both terms hold</source>
        <translation>beide Ausdrücke gelten</translation>
    </message>
    <message>
        <source>either term holds</source>
        <translation>mindestens einer der Ausdrücke gilt</translation>
    </message>
    <message>
        <source>the records starred in this case (Ctrl+M)</source>
        <translation>die in diesem Fall markierten Datensätze (Strg+M)</translation>
    </message>
    <message>
        <source>a tag the analyst gave the record: tag == &quot;c2&quot;</source>
        <translation>ein Tag, das der Analyst dem Datensatz gegeben hat: tag == &quot;c2&quot;</translation>
    </message>
    <message>
        <source>tagged in this case</source>
        <translation>in diesem Fall getaggt</translation>
    </message>
</context>
<context>
    <name>flowscope::FindingsModel</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation>Der Filter ist an Position %1 ungültig: %2</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Period (s)</source>
        <translation>Periode (s)</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Feststellung</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>The last run of its detector no longer found it; kept for the analyst&apos;s edits.</source>
        <translation>Der letzte Lauf ihres Detektors hat sie nicht mehr gefunden; wegen der Bearbeitungen des Analysten aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (veraltet)</translation>
    </message>
</context>
<context>
    <name>flowscope::FindingsView</name>
    <message>
        <source>Run Detections</source>
        <translation>Detektionen ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Detections cancelled</source>
        <translation>Detektionen abgebrochen</translation>
    </message>
    <message>
        <source>Running detections…</source>
        <translation>Detektionen laufen…</translation>
    </message>
    <message>
        <source>Export Findings as CSV…</source>
        <translation>Feststellungen als CSV exportieren…</translation>
    </message>
    <message>
        <source>Detections have not been run on this case yet: press Run Detections to look for scans, beacons, exfiltration, lateral movement and IOC hits.</source>
        <translation>Für diesen Fall wurden noch keine Detektionen ausgeführt: Klicken Sie auf Detektionen ausführen, um nach Scans, Beacons, Exfiltration, Lateral Movement und IOC-Treffern zu suchen.</translation>
    </message>
    <message>
        <source>defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <source>every record</source>
        <translation>alle Datensätze</translation>
    </message>
    <message>
        <source>the filter %1</source>
        <translation>den Filter %1</translation>
    </message>
    <message>
        <source>Settings of the last run of each detector:
%1</source>
        <translation>Einstellungen des letzten Laufs jedes Detektors:
%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln finding(s); detections last ran %1 UTC over %2.</source>
        <translation>
            <numerusform>%Ln Feststellung; Detektionen zuletzt ausgeführt am %1 UTC über %2.</numerusform>
            <numerusform>%Ln Feststellungen; Detektionen zuletzt ausgeführt am %1 UTC über %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::FlowPageLoader</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation>Der Filter ist an Position %1 ungültig: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::FlowTableModel</name>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>%1 local time</source>
        <translation>%1 Ortszeit</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Src port</source>
        <translation>Quellport</translation>
    </message>
    <message>
        <source>Dst port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>End (UTC)</source>
        <translation>Ende (UTC)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Log status</source>
        <translation>Log-Status</translation>
    </message>
    <message>
        <source>VPC</source>
        <translation>VPC</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>TCP flags</source>
        <translation>TCP-Flags</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Packet source</source>
        <translation>Paketquelle</translation>
    </message>
    <message>
        <source>Packet destination</source>
        <translation>Paketziel</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>AZ</source>
        <translation>AZ</translation>
    </message>
    <message>
        <source>Sublocation type</source>
        <translation>Sublocation-Typ</translation>
    </message>
    <message>
        <source>Sublocation</source>
        <translation>Sublocation</translation>
    </message>
    <message>
        <source>Source service</source>
        <translation>Quelldienst</translation>
    </message>
    <message>
        <source>Destination service</source>
        <translation>Zieldienst</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Traffic path</source>
        <translation>Verkehrsweg</translation>
    </message>
    <message>
        <source>ECS cluster ARN</source>
        <translation>ECS-Cluster-ARN</translation>
    </message>
    <message>
        <source>ECS cluster</source>
        <translation>ECS-Cluster</translation>
    </message>
    <message>
        <source>ECS container instance ARN</source>
        <translation>ECS-Container-Instanz-ARN</translation>
    </message>
    <message>
        <source>ECS container instance</source>
        <translation>ECS-Container-Instanz</translation>
    </message>
    <message>
        <source>ECS container</source>
        <translation>ECS-Container</translation>
    </message>
    <message>
        <source>ECS second container</source>
        <translation>Zweiter ECS-Container</translation>
    </message>
    <message>
        <source>ECS service</source>
        <translation>ECS-Dienst</translation>
    </message>
    <message>
        <source>ECS task definition</source>
        <translation>ECS-Aufgabendefinition</translation>
    </message>
    <message>
        <source>ECS task ARN</source>
        <translation>ECS-Aufgaben-ARN</translation>
    </message>
    <message>
        <source>ECS task</source>
        <translation>ECS-Aufgabe</translation>
    </message>
    <message>
        <source>Reject reason</source>
        <translation>Ablehnungsgrund</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>Sorting by %1…</source>
        <translation>Wird nach %1 sortiert…</translation>
    </message>
    <message>
        <source>Sorted by %1, descending</source>
        <translation>Absteigend sortiert nach %1</translation>
    </message>
    <message>
        <source>Sorted by %1, ascending</source>
        <translation>Aufsteigend sortiert nach %1</translation>
    </message>
    <message>
        <source>%1: the first %2 of %3 records</source>
        <translation>%1: die ersten %2 von %3 Datensätzen</translation>
    </message>
    <message>
        <source>IANA protocol number %1</source>
        <translation>IANA-Protokollnummer %1</translation>
    </message>
    <message>
        <source>%1: from the case&apos;s newest configuration snapshot</source>
        <translation>%1: aus dem neuesten Konfigurations-Snapshot des Falls</translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation>Instanzname</translation>
    </message>
    <message>
        <source>Security groups</source>
        <translation>Sicherheitsgruppen</translation>
    </message>
    <message>
        <source>Subnet name</source>
        <translation>Subnetzname</translation>
    </message>
    <message>
        <source>VPC name</source>
        <translation>VPC-Name</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>flowscope::FlowTableView</name>
    <message>
        <source>&amp;Copy as Tab-Separated Text</source>
        <translation>Als tabulatorgetrennten Text &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy Rows as &amp;CSV</source>
        <translation>Zeilen als &amp;CSV kopieren</translation>
    </message>
    <message>
        <source>Copy Rows as &amp;Tab-Separated Text</source>
        <translation>Zeilen als &amp;tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;Filter</source>
        <translation>Als &amp;Filter kopieren</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>&amp;Reset Columns</source>
        <translation>Spalten &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Latest First</source>
        <translation>&amp;Neueste zuerst</translation>
    </message>
    <message>
        <source>Rows are in time order (start, then record); this turns it around</source>
        <translation>Zeilen sind zeitlich geordnet (Beginn, dann Datensatz); dies kehrt die Reihenfolge um</translation>
    </message>
    <message>
        <source>Time order: start, then record. Click to turn it around.</source>
        <translation>Zeitlich geordnet: Beginn, dann Datensatz. Klicken kehrt die Reihenfolge um.</translation>
    </message>
    <message>
        <source>Click to sort by this column, again to turn it around; equal values stay in time order. Over more than a million records, the top 10,000 are shown.</source>
        <translation>Klicken sortiert nach dieser Spalte, erneutes Klicken kehrt die Reihenfolge um; gleiche Werte bleiben zeitlich geordnet. Bei mehr als einer Million Datensätzen werden die obersten 10.000 gezeigt.</translation>
    </message>
    <message>
        <source>From the configuration snapshot</source>
        <translation>Aus dem Konfigurations-Snapshot</translation>
    </message>
</context>
<context>
    <name>flowscope::GraphEdgeItem</name>
    <message>
        <source>
Initiator unknown</source>
        <translation>
Initiator unbekannt</translation>
    </message>
</context>
<context>
    <name>flowscope::GraphLoader</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation>Der Filter ist an Position %1 ungültig: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::GraphView</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Verschwunden</translation>
    </message>
    <message>
        <source>ENI</source>
        <translation>ENI</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <source>VPC</source>
        <translation>VPC</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>What a node of the case is: an interface, or its subnet, VPC or account</source>
        <translation>Was ein Knoten des Falls ist: eine Schnittstelle oder ihr Subnetz, ihre VPC oder ihr Konto</translation>
    </message>
    <message>
        <source>Top </source>
        <translation>Top </translation>
    </message>
    <message>
        <source>The heaviest nodes drawn; the others are folded into one &quot;+N more&quot; node</source>
        <translation>Die schwersten Knoten werden gezeichnet; die übrigen werden in einem Knoten &quot;+N weitere&quot; zusammengefasst</translation>
    </message>
    <message>
        <source>By bytes</source>
        <translation>Nach Bytes</translation>
    </message>
    <message>
        <source>By flows</source>
        <translation>Nach Flows</translation>
    </message>
    <message>
        <source>What ranks the nodes and sets the edges&apos; widths</source>
        <translation>Wonach die Knoten gereiht werden und was die Breite der Kanten bestimmt</translation>
    </message>
    <message>
        <source>With a time range in the filter: also draw the nodes seen before it but not in it</source>
        <translation>Mit einem Zeitraum im Filter: auch die Knoten zeichnen, die davor, aber nicht darin gesehen wurden</translation>
    </message>
    <message>
        <source>Find node…</source>
        <translation>Knoten suchen…</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph (0); the wheel zooms, dragging the background pans</source>
        <translation>Den ganzen Graphen zeigen (0); das Mausrad zoomt, Ziehen des Hintergrunds verschiebt die Ansicht</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message>
        <source>Computing the graph…</source>
        <translation>Graph wird berechnet…</translation>
    </message>
    <message>
        <source>The graph could not be computed: %1</source>
        <translation>Der Graph konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>No traffic under this filter</source>
        <translation>Kein Verkehr unter diesem Filter</translation>
    </message>
    <message>
        <source>Only the %1 heaviest nodes are drawn: %2 more (%3 flows, %4) are folded into &quot;+%2 more&quot;</source>
        <translation>Nur die %1 schwersten Knoten werden gezeichnet: %2 weitere (%3 Flows, %4) sind in &quot;+%2 weitere&quot; zusammengefasst</translation>
    </message>
    <message>
        <source>The Graphviz layout failed, so the nodes are on a circle: %1</source>
        <translation>Das Graphviz-Layout ist fehlgeschlagen, daher liegen die Knoten auf einem Kreis: %1</translation>
    </message>
    <message>
        <source>Since %1: %2 new nodes, %3 new edges (in blue, new nodes with a thick outline)</source>
        <translation>Seit %1: %2 neue Knoten, %3 neue Kanten (in Blau, neue Knoten mit dicker Umrandung)</translation>
    </message>
    <message>
        <source>; %1 gone nodes drawn dashed</source>
        <translation>; %1 verschwundene Knoten gestrichelt gezeichnet</translation>
    </message>
    <message>
        <source> (%1 more not drawn)</source>
        <translation> (%1 weitere nicht gezeichnet)</translation>
    </message>
    <message>
        <source>Expand %1 into Its Addresses</source>
        <translation>%1 in seine Adressen aufklappen</translation>
    </message>
    <message>
        <source>Collapse into %1</source>
        <translation>In %1 zusammenklappen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Unpin All Nodes</source>
        <translation>Alle Knoten lösen</translation>
    </message>
    <message>
        <source>Lay Out Again</source>
        <translation>Neu anordnen</translation>
    </message>
    <message>
        <source>Forget the present positions: nodes otherwise keep their places when the filter changes</source>
        <translation>Die aktuellen Positionen verwerfen: Sonst behalten die Knoten ihre Plätze, wenn sich der Filter ändert</translation>
    </message>
    <message>
        <source>Fit to View</source>
        <translation>An Ansicht anpassen</translation>
    </message>
    <message>
        <source>Could not render the graph as PNG</source>
        <translation>Der Graph konnte nicht als PNG gerendert werden</translation>
    </message>
    <message>
        <source>No graph to export</source>
        <translation>Kein Graph zum Exportieren</translation>
    </message>
    <message>
        <source>Graphviz could not draw the SVG: %1</source>
        <translation>Graphviz konnte das SVG nicht zeichnen: %1</translation>
    </message>
    <message>
        <source>Export Graph as %1</source>
        <translation>Graph als %1 exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>The subnets could not be laid out as boxes, so sfdp placed the nodes: %1</source>
        <translation>Die Subnetze konnten nicht als Kästen angeordnet werden, daher hat sfdp die Knoten platziert: %1</translation>
    </message>
    <message>
        <source>interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <source>account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>outside addresses</source>
        <translation>externe Adressen</translation>
    </message>
    <message>
        <source>AWS service</source>
        <translation>AWS-Dienst</translation>
    </message>
    <message>
        <source>IOC list</source>
        <translation>IOC-Liste</translation>
    </message>
    <message>
        <source>nodes left out</source>
        <translation>ausgelassene Knoten</translation>
    </message>
    <message>
        <source>%1 flows · %2 · %3 packets · %4 accepted · %5 rejected</source>
        <translation>%1 Flows · %2 · %3 Pakete · %4 zugelassen · %5 abgelehnt</translation>
    </message>
    <message>
        <source>Its filter is in the filter bar, not applied yet: Enter or Apply applies it, and a double-click on the graph applies it at once.</source>
        <translation>Sein Filter steht in der Filterleiste, noch nicht angewendet: Eingabe oder Anwenden wendet ihn an, ein Doppelklick auf den Graphen wendet ihn sofort an.</translation>
    </message>
    <message>
        <source>%1 nodes left out by the top N</source>
        <translation>%1 Knoten durch die Top N ausgelassen</translation>
    </message>
    <message>
        <source>an address of %1</source>
        <translation>eine Adresse von %1</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> in %1</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>New: not seen before the time range</source>
        <translation>Neu: vor dem Zeitraum nicht gesehen</translation>
    </message>
    <message>
        <source>%1 → %2 (the first one initiates)</source>
        <translation>%1 → %2 (der erste initiiert)</translation>
    </message>
    <message>
        <source>%1 — %2 (initiator unknown)</source>
        <translation>%1 — %2 (Initiator unbekannt)</translation>
    </message>
    <message numerus="yes">
        <source>Only the %1 heaviest nodes and the %Ln address(es) of expanded groups are drawn: %2 more (%3 flows, %4) are folded into &quot;+%2 more&quot;</source>
        <translation>
            <numerusform>Nur die %1 schwersten Knoten und die %Ln Adresse aufgeklappter Gruppen werden gezeichnet: %2 weitere (%3 Flows, %4) sind in &quot;+%2 weitere&quot; zusammengefasst</numerusform>
            <numerusform>Nur die %1 schwersten Knoten und die %Ln Adressen aufgeklappter Gruppen werden gezeichnet: %2 weitere (%3 Flows, %4) sind in &quot;+%2 weitere&quot; zusammengefasst</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoomed in for the labels to read, around the heaviest node: Fit (0) shows the whole graph</source>
        <translation>Vergrößert, damit die Beschriftungen lesbar sind, um den gewichtigsten Knoten: Einpassen (0) zeigt den ganzen Graphen</translation>
    </message>
</context>
<context>
    <name>flowscope::ImportController</name>
    <message>
        <source>An import is already running: wait for it to finish or cancel it.</source>
        <translation>Es läuft bereits ein Import: Warten Sie, bis er fertig ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Open or create a case before importing.</source>
        <translation>Öffnen Sie einen Fall oder legen Sie einen an, bevor Sie importieren.</translation>
    </message>
    <message>
        <source>Not a flow-log format string: %1</source>
        <translation>Kein Flow-Log-Formatstring: %1</translation>
    </message>
</context>
<context>
    <name>flowscope::ImportErrorsModel</name>
    <message>
        <source>whole file</source>
        <translation>ganze Datei</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>flowscope::ImportFilesModel</name>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgewiesen: %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Truncated</source>
        <translation>Abgeschnitten</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Imported (UTC)</source>
        <translation>Importiert (UTC)</translation>
    </message>
    <message>
        <source>How the file was delivered, as detected from its content</source>
        <translation>Wie die Datei zugestellt wurde, erkannt an ihrem Inhalt</translation>
    </message>
    <message>
        <source>The fields of the file&apos;s records, in order</source>
        <translation>Die Felder der Datensätze der Datei, in ihrer Reihenfolge</translation>
    </message>
    <message>
        <source>Lines rejected (the good lines of the file are imported)</source>
        <translation>Abgewiesene Zeilen (die guten Zeilen der Datei werden importiert)</translation>
    </message>
    <message>
        <source>The file ended early (a cut gzip stream): the lines before are imported</source>
        <translation>Die Datei endet vorzeitig (abgeschnittener gzip-Strom): die Zeilen davor werden importiert</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Records stored from the file</source>
        <translation>Aus der Datei gespeicherte Datensätze</translation>
    </message>
    <message>
        <source>Records of the file that other files of the case already held (the same flow log delivered twice, or a copy of part of a file): read, not stored again</source>
        <translation>Datensätze der Datei, die andere Dateien des Falls bereits enthielten (dasselbe Flow Log doppelt geliefert oder eine Kopie eines Dateiteils): gelesen, nicht erneut gespeichert</translation>
    </message>
</context>
<context>
    <name>flowscope::ImportJob</name>
    <message>
        <source>The import stopped on an unexpected error.</source>
        <translation>Der Import wurde wegen eines unerwarteten Fehlers angehalten.</translation>
    </message>
</context>
<context>
    <name>flowscope::ImportProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the import: the file being imported is left out, the files before it stay</source>
        <translation>Import anhalten: Die gerade importierte Datei fällt weg, die Dateien davor bleiben</translation>
    </message>
    <message>
        <source>Looking at the files…</source>
        <translation>Dateien werden gesichtet…</translation>
    </message>
    <message>
        <source>File %1 of %2, %3 records, %4 records/s, about %5 left</source>
        <translation>Datei %1 von %2, %3 Datensätze, %4 Datensätze/s, noch etwa %5</translation>
    </message>
    <message>
        <source>File %1 of %2, %3 records, %4 records/s</source>
        <translation>Datei %1 von %2, %3 Datensätze, %4 Datensätze/s</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: %Ln file(s) imported before it stay in the case</source>
        <translation>
            <numerusform>Import abgebrochen: %Ln zuvor importierte Datei bleibt im Fall</numerusform>
            <numerusform>Import abgebrochen: %Ln zuvor importierte Dateien bleiben im Fall</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled: the case is as it was</source>
        <translation>Import abgebrochen: Der Fall ist unverändert</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) already in the case</source>
        <translation>
            <numerusform>%Ln Datei ist schon im Fall</numerusform>
            <numerusform>%Ln Dateien sind schon im Fall</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s): see the import report</source>
        <translation>
            <numerusform>%Ln Fehler: siehe Importbericht</numerusform>
            <numerusform>%Ln Fehler: siehe Importbericht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Imported %1 with %2</source>
        <translation>%1 mit %2 importiert</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 Datensätze</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln Datensatz</numerusform>
            <numerusform>%Ln Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>Into %1:</source>
        <translation>In %1:</translation>
    </message>
</context>
<context>
    <name>flowscope::ImportReportView</name>
    <message>
        <source>Files (%1)</source>
        <translation>Dateien (%1)</translation>
    </message>
    <message>
        <source>Errors (the first %1 of %2)</source>
        <translation>Fehler (die ersten %1 von %2)</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>Fehler (%1)</translation>
    </message>
    <message>
        <source>Files (%1; duplicate records not stored again: %2)</source>
        <translation>Dateien (%1; doppelte Datensätze nicht erneut gespeichert: %2)</translation>
    </message>
    <message>
        <source>Remove File from Case…</source>
        <translation>Datei aus dem Fall entfernen…</translation>
    </message>
    <message>
        <source>Take the file&apos;s records, with everything derived from them, out of the case</source>
        <translation>Die Datensätze der Datei samt allem, was daraus abgeleitet ist, aus dem Fall nehmen</translation>
    </message>
    <message>
        <source>Remove File from Case</source>
        <translation>Datei aus dem Fall entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 from %3?

Its %Ln record(s) go, with their stars, tags and notes and everything derived from them; stored detections are dropped. The case then holds what it would hold had the file never been imported.

%2</source>
        <translation>
            <numerusform>%1 aus %3 entfernen?

Der %Ln Datensatz der Datei entfällt samt Markierung, Tags und Notizen und allem, was daraus abgeleitet ist; gespeicherte Detektionen werden verworfen. Der Fall enthält danach, was er enthielte, wäre die Datei nie importiert worden.

%2</numerusform>
            <numerusform>%1 aus %3 entfernen?

Die %Ln Datensätze der Datei entfallen samt Markierungen, Tags und Notizen und allem, was daraus abgeleitet ist; gespeicherte Detektionen werden verworfen. Der Fall enthält danach, was er enthielte, wäre die Datei nie importiert worden.

%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::IncidentTimelineModel</name>
    <message>
        <source>starred</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>tagged</source>
        <translation>getaggt</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>Feststellung</translation>
    </message>
    <message>
        <source>CloudTrail</source>
        <translation>CloudTrail</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>undatiert</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a severity: info, low, medium, high or critical</source>
        <translation>&apos;%1&apos; ist kein Schweregrad: info, low, medium, high oder critical</translation>
    </message>
    <message>
        <source>%1
Double-click the entry to show the record in the table</source>
        <translation>%1
Doppelklick auf den Eintrag zeigt den Datensatz in der Tabelle</translation>
    </message>
    <message>
        <source>%1
It touches none of the case&apos;s interfaces: no records to show</source>
        <translation>%1
Der Eintrag betrifft keine Schnittstelle des Falls: keine Datensätze anzuzeigen</translation>
    </message>
    <message>
        <source>%1
Double-click the entry to show its interfaces&apos; records from just before it on (%2)</source>
        <translation>%1
Doppelklick auf den Eintrag zeigt die Datensätze seiner Schnittstellen ab kurz davor (%2)</translation>
    </message>
    <message>
        <source>%1: %2
Double-click the entry to show its evidence (%3)</source>
        <translation>%1: %2
Doppelklick auf den Eintrag zeigt seine Belege (%3)</translation>
    </message>
</context>
<context>
    <name>flowscope::IncidentTimelineView</name>
    <message>
        <source>Double-click an entry to show it in the table; F2 edits severity, tags or a note.</source>
        <translation>Doppelklick auf einen Eintrag zeigt ihn in der Tabelle; F2 bearbeitet Schweregrad, Tags oder Notiz.</translation>
    </message>
    <message>
        <source>Nothing yet: star records in the table (Ctrl+M), tag or annotate them from its context menu, or run detections.</source>
        <translation>Noch nichts vorhanden: Markieren Sie Datensätze in der Tabelle (Strg+M), taggen oder kommentieren Sie sie über das Kontextmenü der Tabelle, oder führen Sie Detektionen aus.</translation>
    </message>
    <message>
        <source>%1: touches none of the case&apos;s interfaces, so it has no records to show.</source>
        <translation>%1: betrifft keine Schnittstelle des Falls, daher gibt es keine Datensätze anzuzeigen.</translation>
    </message>
    <message>
        <source>%1: about no record, so there is nothing to show in the table.</source>
        <translation>%1: bezieht sich auf keinen Datensatz, daher gibt es in der Tabelle nichts anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>flowscope::IocHitsModel</name>
    <message>
        <source>Double-click to show its records: %1</source>
        <translation>Doppelklicken, um die zugehörigen Datensätze anzuzeigen: %1</translation>
    </message>
    <message>
        <source> +%1</source>
        <translation> +%1</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Zugelassen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Zuerst gesehen (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Zuletzt gesehen (UTC)</translation>
    </message>
    <message>
        <source>ENIs</source>
        <translation>ENIs</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
</context>
<context>
    <name>flowscope::IocListsDialog</name>
    <message>
        <source>&amp;Add from Files…</source>
        <translation>Aus Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Hunt</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>IOC Lists</source>
        <translation>IOC-Listen</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Match every record of the case against the selected lists (all lists when none is selected)</source>
        <translation>Jeden Datensatz des Falls mit den ausgewählten Listen abgleichen (mit allen Listen, wenn keine ausgewählt ist)</translation>
    </message>
    <message>
        <source>Hits (double-click a row to show its records):</source>
        <translation>Treffer (Doppelklick auf eine Zeile zeigt ihre Datensätze):</translation>
    </message>
    <message>
        <source>Hunting…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Nothing added: %1</source>
        <translation>Nichts hinzugefügt: %1</translation>
    </message>
    <message>
        <source>@%1: %2 indicators added, %3 already in the list, %4 lines rejected.</source>
        <translation>@%1: %2 Indikatoren hinzugefügt, %3 schon in der Liste, %4 Zeilen abgewiesen.</translation>
    </message>
    <message>
        <source>Lines rejected</source>
        <translation>Abgewiesene Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Add IOC List Files</source>
        <translation>IOC-Listendateien hinzufügen</translation>
    </message>
    <message>
        <source>IOC lists (*.txt *.csv *.gz *.lst);;All files (*)</source>
        <translation>IOC-Listen (*.txt *.csv *.gz *.lst);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>IOC List Name</source>
        <translation>Name der IOC-Liste</translation>
    </message>
    <message>
        <source>Add to the list (filters name it @name):</source>
        <translation>Zur Liste hinzufügen (Filter nennen sie @name):</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n file(s) to @%1…</source>
        <translation>
            <numerusform>%n Datei wird zu @%1 hinzugefügt…</numerusform>
            <numerusform>%n Dateien werden zu @%1 hinzugefügt…</numerusform>
        </translation>
    </message>
    <message>
        <source>The case has no IOC lists: add one from files, then Hunt.</source>
        <translation>Der Fall hat keine IOC-Listen: Fügen Sie eine aus Dateien hinzu, dann Suchen.</translation>
    </message>
    <message>
        <source>The lists have not been hunted on this case yet: press Hunt to match every record against them.</source>
        <translation>Mit den Listen wurde in diesem Fall noch nicht gesucht: Klicken Sie auf Suchen, um jeden Datensatz mit ihnen abzugleichen.</translation>
    </message>
    <message>
        <source>Last hunt %1 UTC over %2: %3 of %4 indicators hit (%5 blocks read).</source>
        <translation>Letzte Suche am %1 UTC über %2: %3 von %4 Indikatoren getroffen (%5 Blöcke gelesen).</translation>
    </message>
    <message>
        <source>every list</source>
        <translation>alle Listen</translation>
    </message>
</context>
<context>
    <name>flowscope::LogFormatDialog</name>
    <message>
        <source>Flow Log Format</source>
        <translation>Flow-Log-Format</translation>
    </message>
    <message>
        <source>The format string of the flow log, as the AWS console or &apos;aws ec2 describe-flow-logs&apos; (LogFormat) shows it</source>
        <translation>Der Formatstring des Flow Logs, wie ihn die AWS-Konsole oder &apos;aws ec2 describe-flow-logs&apos; (LogFormat) zeigt</translation>
    </message>
    <message>
        <source>&amp;Format string:</source>
        <translation>&amp;Formatstring:</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) have no header line and their records are not in the default format. Give the flow log&apos;s format string so that Flowscope can read them.</source>
        <translation>
            <numerusform>%n Datei hat keine Kopfzeile, und ihre Datensätze sind nicht im Standardformat. Geben Sie den Formatstring des Flow Logs an, damit Flowscope sie lesen kann.</numerusform>
            <numerusform>%n Dateien haben keine Kopfzeile, und ihre Datensätze sind nicht im Standardformat. Geben Sie den Formatstring des Flow Logs an, damit Flowscope sie lesen kann.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, first record (%n field(s)):
%2</source>
        <translation>
            <numerusform>%1, erster Datensatz (%n Feld):
%2</numerusform>
            <numerusform>%1, erster Datensatz (%n Felder):
%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the format string.</source>
        <translation>Geben Sie den Formatstring ein.</translation>
    </message>
    <message>
        <source>Not a format string: %1</source>
        <translation>Kein Formatstring: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s), but the first record has %1: its lines would be rejected.</source>
        <translation>
            <numerusform>%n Feld, aber der erste Datensatz hat %1: Seine Zeilen würden abgewiesen.</numerusform>
            <numerusform>%n Felder, aber der erste Datensatz hat %1: Seine Zeilen würden abgewiesen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s), version %1.</source>
        <translation>
            <numerusform>%n Feld, Version %1.</numerusform>
            <numerusform>%n Felder, Version %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::MainActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Neuer Fall…</translation>
    </message>
    <message>
        <source>Create an empty case file (.flowcase)</source>
        <translation>Eine leere Falldatei (.flowcase) anlegen</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>Fall ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a case file</source>
        <translation>Eine Falldatei öffnen</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Import flow-log files into the case</source>
        <translation>Flow-Log-Dateien in den Fall importieren</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>Import every flow-log file under a folder into the case</source>
        <translation>Alle Flow-Log-Dateien eines Ordners in den Fall importieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Import</source>
        <translation>Import a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow the &amp;Desktop</source>
        <translation>Wie der &amp;Desktop</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>D&amp;ark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Flowscope</source>
        <translation>Ü&amp;ber Flowscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Go to Time…</source>
        <translation>&amp;Gehe zu Zeitpunkt…</translation>
    </message>
    <message>
        <source>Scroll the flow table to the first record starting at a time</source>
        <translation>Die Flow-Tabelle zum ersten Datensatz ab einem Zeitpunkt rollen</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Edit the display filter</source>
        <translation>Den Anzeigefilter bearbeiten</translation>
    </message>
    <message>
        <source>Load &amp;Configuration Snapshot…</source>
        <translation>&amp;Konfigurations-Snapshot laden…</translation>
    </message>
    <message>
        <source>Load describe-* JSON of security groups, network ACLs, interfaces and routes into the case</source>
        <translation>describe-*-JSON von Sicherheitsgruppen, Netzwerk-ACLs, Schnittstellen und Routen in den Fall laden</translation>
    </message>
    <message>
        <source>Keep &amp;Duplicate Records</source>
        <translation>&amp;Doppelte Datensätze behalten</translation>
    </message>
    <message>
        <source>Imports store records that other files of the case already hold (the same flow delivered to S3 and CloudWatch) instead of counting them as duplicates</source>
        <translation>Importe speichern Datensätze, die andere Dateien des Falls bereits enthalten (derselbe Flow, an S3 und CloudWatch geliefert), statt sie als doppelt zu zählen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>&amp;Investigation</source>
        <translation>&amp;Ermittlung</translation>
    </message>
    <message>
        <source>&amp;IOC Lists…</source>
        <translation>&amp;IOC-Listen…</translation>
    </message>
    <message>
        <source>Add, remove and hunt lists of indicators (addresses, CIDR blocks, address:port); filters name them @name</source>
        <translation>Listen von Indikatoren (Adressen, CIDR-Blöcke, Adresse:Port) hinzufügen, entfernen und durchsuchen; Filter nennen sie @name</translation>
    </message>
    <message>
        <source>Run &amp;Detections</source>
        <translation>&amp;Detektionen ausführen</translation>
    </message>
    <message>
        <source>Run the detectors over the current filter&apos;s records and list their findings</source>
        <translation>Die Detektoren über die Datensätze des aktuellen Filters laufen lassen und ihre Feststellungen auflisten</translation>
    </message>
    <message>
        <source>Configuration &amp;Snapshots…</source>
        <translation>Konfigurations-&amp;Snapshots…</translation>
    </message>
    <message>
        <source>List the case&apos;s configuration snapshots and remove one</source>
        <translation>Die Konfigurations-Snapshots des Falls auflisten und einen entfernen</translation>
    </message>
    <message>
        <source>Incident &amp;Report (PDF)…</source>
        <translation>&amp;Vorfallbericht (PDF)…</translation>
    </message>
    <message>
        <source>Write a PDF report of the case and the current filter for the incident ticket</source>
        <translation>Einen PDF-Bericht über den Fall und den aktuellen Filter für das Ticket des Vorfalls schreiben</translation>
    </message>
    <message>
        <source>Detection &amp;Settings…</source>
        <translation>Detektions&amp;einstellungen…</translation>
    </message>
    <message>
        <source>Change the detectors&apos; thresholds for the next runs</source>
        <translation>Die Schwellenwerte der Detektoren für die nächsten Läufe ändern</translation>
    </message>
    <message>
        <source>Write every record of the filter, or the statistic, reject groups, findings or incident timeline last brought to the front or clicked, to a CSV file</source>
        <translation>Alle Datensätze des Filters oder die zuletzt nach vorn geholte bzw. angeklickte Statistik, Ablehnungsgruppen, Feststellungen oder Vorfall-Zeitleiste in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>Export Flows as &amp;CSV…</source>
        <translation>Flows als &amp;CSV exportieren…</translation>
    </message>
</context>
<context>
    <name>flowscope::MainWindow</name>
    <message>
        <source>Flowscope</source>
        <translation>Flowscope</translation>
    </message>
    <message>
        <source>%1 - Flowscope</source>
        <translation>%1 - Flowscope</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>Flowscope cases (*.flowcase)</source>
        <translation>Flowscope-Fälle (*.flowcase)</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>Fall öffnen</translation>
    </message>
    <message>
        <source>Flowscope cases (*.flowcase);;All files (*)</source>
        <translation>Flowscope-Fälle (*.flowcase);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import Flow-Log Files</source>
        <translation>Flow-Log-Dateien importieren</translation>
    </message>
    <message>
        <source>Flow logs (*.log *.log.gz *.gz *.json *.jsonl *.txt);;All files (*)</source>
        <translation>Flow Logs (*.log *.log.gz *.gz *.json *.jsonl *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a Folder of Flow Logs</source>
        <translation>Einen Ordner mit Flow Logs importieren</translation>
    </message>
    <message>
        <source>Import Running</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>An import is running. Stop it and quit? The file being imported is left out; the files imported before it stay in the case.</source>
        <translation>Ein Import läuft. Anhalten und beenden? Die gerade importierte Datei fällt weg; die zuvor importierten Dateien bleiben im Fall.</translation>
    </message>
    <message>
        <source>The language changes when Flowscope starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Flowscope.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Why Rejected?</source>
        <translation>Warum abgelehnt?</translation>
    </message>
    <message>
        <source>Rejects</source>
        <translation>Ablehnungen</translation>
    </message>
    <message>
        <source>No records. %1</source>
        <translation>Keine Datensätze. %1</translation>
    </message>
    <message>
        <source>The filter given on the command line is not valid: %1</source>
        <translation>Der auf der Befehlszeile angegebene Filter ist ungültig: %1</translation>
    </message>
    <message>
        <source>Loading the configuration snapshot…</source>
        <translation>Konfigurations-Snapshot wird geladen…</translation>
    </message>
    <message>
        <source>Import Flow-Log Files into %1</source>
        <translation>Flow-Log-Dateien in %1 importieren</translation>
    </message>
    <message>
        <source>Import a Folder of Flow Logs into %1</source>
        <translation>Einen Ordner mit Flow Logs in %1 importieren</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Feststellungen</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Graph exported to %1</source>
        <translation>Graph nach %1 exportiert</translation>
    </message>
    <message>
        <source>%1 is not among the rows the filter shows.</source>
        <translation>%1 ist nicht unter den Zeilen, die der Filter zeigt.</translation>
    </message>
    <message>
        <source>Incident Timeline</source>
        <translation>Vorfall-Zeitleiste</translation>
    </message>
    <message>
        <source>Removing %1 from %2…</source>
        <translation>%1 wird aus %2 entfernt…</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 from %2: %Ln record(s)</source>
        <translation>
            <numerusform>%1 aus %2 entfernt: %Ln Datensatz</numerusform>
            <numerusform>%1 aus %2 entfernt: %Ln Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>; stored detections dropped: run the detectors again</source>
        <translation>; gespeicherte Detektionen verworfen: Führen Sie die Detektoren erneut aus</translation>
    </message>
    <message>
        <source>Import into %1</source>
        <translation>In %1 importieren</translation>
    </message>
    <message>
        <source>Configuration snapshot %1 removed: explanations use the snapshots left.</source>
        <translation>Konfigurations-Snapshot %1 entfernt: Erklärungen verwenden die verbleibenden Snapshots.</translation>
    </message>
    <message>
        <source>The starred record of %1 is not among the rows the filter shows.</source>
        <translation>Der markierte Datensatz vom %1 ist nicht unter den Zeilen, die der Filter zeigt.</translation>
    </message>
    <message>
        <source>The starred record of %1 (%2) is not among the rows the filter shows.</source>
        <translation>Der markierte Datensatz vom %1 (%2) ist nicht unter den Zeilen, die der Filter zeigt.</translation>
    </message>
    <message>
        <source>Record Hidden by the Filter</source>
        <translation>Datensatz vom Filter verborgen</translation>
    </message>
    <message>
        <source>Clear the filter to show it in the table?</source>
        <translation>Den Filter löschen, um ihn in der Tabelle zu zeigen?</translation>
    </message>
    <message>
        <source>Clear the Filter and Show It</source>
        <translation>Filter löschen und anzeigen</translation>
    </message>
    <message>
        <source>Keep the Filter</source>
        <translation>Filter beibehalten</translation>
    </message>
</context>
<context>
    <name>flowscope::PivotFilterMenu</name>
    <message>
        <source>Selected</source>
        <translation>Ausgewähltes</translation>
    </message>
    <message>
        <source>…and Selected</source>
        <translation>…und Ausgewähltes</translation>
    </message>
    <message>
        <source>…or Selected</source>
        <translation>…oder Ausgewähltes</translation>
    </message>
    <message>
        <source>…and not Selected</source>
        <translation>…und nicht Ausgewähltes</translation>
    </message>
    <message>
        <source>…or not Selected</source>
        <translation>…oder nicht Ausgewähltes</translation>
    </message>
    <message>
        <source>Apply as Filter</source>
        <translation>Als Filter anwenden</translation>
    </message>
    <message>
        <source>Prepare as Filter</source>
        <translation>Als Filter vorbereiten</translation>
    </message>
</context>
<context>
    <name>flowscope::RecentCasesMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation>Keine zuletzt geöffneten Fälle</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>flowscope::RecordDetailView</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Select a record to see its fields.</source>
        <translation>Wählen Sie einen Datensatz, um seine Felder zu sehen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>record id</source>
        <translation>Datensatz-ID</translation>
    </message>
    <message>
        <source>IANA protocol number %1</source>
        <translation>IANA-Protokollnummer %1</translation>
    </message>
    <message>
        <source>%1 local time, %2 seconds since the epoch</source>
        <translation>%1 Ortszeit, %2 Sekunden seit der Epoche</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1 seconds since the epoch</source>
        <translation>%1 Sekunden seit der Epoche</translation>
    </message>
</context>
<context>
    <name>flowscope::RecordIdentity</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::RecordMarkActions</name>
    <message>
        <source>&amp;Star</source>
        <translation>&amp;Markieren</translation>
    </message>
    <message>
        <source>&amp;Tag…</source>
        <translation>Ta&amp;ggen…</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>&amp;Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>Star the selected records for the incident timeline, or unstar them</source>
        <translation>Die ausgewählten Datensätze für die Vorfall-Zeitleiste markieren oder ihre Markierung aufheben</translation>
    </message>
    <message>
        <source>Give the selected records tags (filter them with tag == &quot;name&quot;)</source>
        <translation>Den ausgewählten Datensätzen Tags geben (danach filtern mit tag == &quot;name&quot;)</translation>
    </message>
    <message>
        <source>Write a note on the current record for the incident timeline</source>
        <translation>Eine Notiz zum aktuellen Datensatz für die Vorfall-Zeitleiste schreiben</translation>
    </message>
    <message>
        <source>Un&amp;star</source>
        <translation>Markierung &amp;aufheben</translation>
    </message>
    <message>
        <source>Tag Records</source>
        <translation>Datensätze taggen</translation>
    </message>
    <message numerus="yes">
        <source>Tags for %n record(s), separated by commas (letters, digits and - _ . : /):</source>
        <translation>
            <numerusform>Tags für %n Datensatz, durch Kommas getrennt (Buchstaben, Ziffern und - _ . : /):</numerusform>
            <numerusform>Tags für %n Datensätze, durch Kommas getrennt (Buchstaben, Ziffern und - _ . : /):</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation>Notiz zu %1:</translation>
    </message>
    <message>
        <source>the record</source>
        <translation>dem Datensatz</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>flowscope::RejectGroupsModel</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation>Der Filter ist an Position %1 ungültig: %2</translation>
    </message>
    <message>
        <source>Decided by the configuration snapshot in force at each record&apos;s time</source>
        <translation>Entschieden durch den zur Zeit des jeweiligen Datensatzes geltenden Konfigurations-Snapshot</translation>
    </message>
    <message>
        <source>Decided from the flow records alone</source>
        <translation>Allein aus den Flow-Datensätzen entschieden</translation>
    </message>
    <message>
        <source>Double-click to show these rejects: %1</source>
        <translation>Doppelklicken, um diese Ablehnungen anzuzeigen: %1</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Rejects</source>
        <translation>Ablehnungen</translation>
    </message>
    <message>
        <source>Scan: %1</source>
        <translation>Scan: %1</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>flowscope::RejectsOverviewView</name>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Unanswered requests</source>
        <translation>Unbeantwortete Anfragen</translation>
    </message>
    <message>
        <source>The table shows this group&apos;s %1 rejects together with %2 of other groups on the same interface, protocol and port: verdict, component and rule are not filter fields.</source>
        <translation>Die Tabelle zeigt die %1 Ablehnungen dieser Gruppe zusammen mit %2 anderer Gruppen an derselben Schnittstelle, mit demselben Protokoll und Port: Urteil, Komponente und Regel sind keine Filterfelder.</translation>
    </message>
    <message>
        <source>Explaining the rejects…</source>
        <translation>Ablehnungen werden erklärt…</translation>
    </message>
    <message>
        <source>1 reject</source>
        <translation>1 Ablehnung</translation>
    </message>
    <message>
        <source>%1 rejects</source>
        <translation>%1 Ablehnungen</translation>
    </message>
    <message>
        <source> in 1 group</source>
        <translation> in 1 Gruppe</translation>
    </message>
    <message>
        <source> in %1 groups</source>
        <translation> in %1 Gruppen</translation>
    </message>
    <message>
        <source>, from the flow records alone (no configuration snapshot loaded).</source>
        <translation>, allein aus den Flow-Datensätzen (kein Konfigurations-Snapshot geladen).</translation>
    </message>
    <message>
        <source>, from the flow records alone: no configuration snapshot of the case describes their interfaces.</source>
        <translation>, allein aus den Flow-Datensätzen: Kein Konfigurations-Snapshot des Falls beschreibt ihre Schnittstellen.</translation>
    </message>
    <message>
        <source>, decided by the configuration snapshot in force at each record&apos;s time.</source>
        <translation>, entschieden durch den zur Zeit des jeweiligen Datensatzes geltenden Konfigurations-Snapshot.</translation>
    </message>
    <message>
        <source>, %1 decided by the configuration snapshot in force at the record&apos;s time, the rest from the flow records alone (no snapshot describes their interfaces).</source>
        <translation>, %1 entschieden durch den zur Zeit des Datensatzes geltenden Konfigurations-Snapshot, der Rest allein aus den Flow-Datensätzen (kein Snapshot beschreibt ihre Schnittstellen).</translation>
    </message>
    <message>
        <source>Double-click a group to filter on its rejects.</source>
        <translation>Doppelklick auf eine Gruppe filtert nach ihren Ablehnungen.</translation>
    </message>
    <message>
        <source>Looking for requests that no record answers…</source>
        <translation>Suche nach Anfragen, die kein Datensatz beantwortet…</translation>
    </message>
    <message>
        <source>Every egress request of the filter has a reply in the case (or was rejected: see Groups).</source>
        <translation>Jede ausgehende Anfrage des Filters hat eine Antwort im Fall (oder wurde abgelehnt: siehe Gruppen).</translation>
    </message>
    <message>
        <source>1 egress request ACCEPTed with no reply anywhere in the case</source>
        <translation>1 ausgehende Anfrage mit ACCEPT, ohne Antwort irgendwo im Fall</translation>
    </message>
    <message>
        <source>%1 egress requests ACCEPTed with no reply anywhere in the case</source>
        <translation>%1 ausgehende Anfragen mit ACCEPT, ohne Antwort irgendwo im Fall</translation>
    </message>
    <message>
        <source>, each with what the route table of the snapshot in force does with its destination.</source>
        <translation>, jeweils mit dem, was die Routentabelle des geltenden Snapshots mit ihrem Ziel macht.</translation>
    </message>
    <message>
        <source>: the cause lies outside the flow logs&apos; sight (load the route tables to see the route).</source>
        <translation>: Die Ursache liegt außerhalb der Sicht der Flow Logs (laden Sie die Routentabellen, um die Route zu sehen).</translation>
    </message>
    <message>
        <source>Double-click a request to show its records.</source>
        <translation>Doppelklick auf eine Anfrage zeigt ihre Datensätze.</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>Kein Fall geöffnet.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>(%n s)</source>
        <translation>
            <numerusform>(%n s)</numerusform>
            <numerusform>(%n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. The groups shown, if any, are of an earlier filter: Explain computes those of this one.</source>
        <translation>Abgebrochen. Die angezeigten Gruppen, falls vorhanden, gehören zu einem früheren Filter: Erklären berechnet die dieses Filters.</translation>
    </message>
    <message>
        <source>Cancelled. The requests shown, if any, are of an earlier filter: Explain looks for those of this one.</source>
        <translation>Abgebrochen. Die angezeigten Anfragen, falls vorhanden, gehören zu einem früheren Filter: Erklären sucht die dieses Filters.</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
</context>
<context>
    <name>flowscope::ReportExportDialog</name>
    <message>
        <source>Summary (sources with SHA-256, time range, counts)</source>
        <translation>Zusammenfassung (Quellen mit SHA-256, Zeitraum, Anzahlen)</translation>
    </message>
    <message>
        <source>Timeline of ACCEPTs and REJECTs</source>
        <translation>Zeitleiste der ACCEPTs und REJECTs</translation>
    </message>
    <message>
        <source>Network interfaces graph</source>
        <translation>Graph der Netzwerkschnittstellen</translation>
    </message>
    <message>
        <source>Findings with their evidence</source>
        <translation>Feststellungen mit ihren Belegen</translation>
    </message>
    <message>
        <source>Reject explanations</source>
        <translation>Erklärungen der Ablehnungen</translation>
    </message>
    <message>
        <source>Incident timeline (stars, tags, notes)</source>
        <translation>Vorfall-Zeitleiste (Markierungen, Tags, Notizen)</translation>
    </message>
    <message>
        <source>Appendix: source files</source>
        <translation>Anhang: Quelldateien</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export Incident Report</source>
        <translation>Vorfallbericht exportieren</translation>
    </message>
    <message>
        <source>Incident report</source>
        <translation>Vorfallbericht</translation>
    </message>
    <message>
        <source>Words for the title page: the ticket, the question, what was found</source>
        <translation>Text für die Titelseite: das Ticket, die Fragestellung, was gefunden wurde</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Analyst:</source>
        <translation>&amp;Analyst:</translation>
    </message>
    <message>
        <source>Title page &amp;text:</source>
        <translation>Text der Titel&amp;seite:</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papier:</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>Preview of the first pages</source>
        <translation>Vorschau der ersten Seiten</translation>
    </message>
    <message>
        <source>Reading the case: section %1 of %2</source>
        <translation>Fall wird gelesen: Abschnitt %1 von %2</translation>
    </message>
    <message>
        <source>Drawing the pages</source>
        <translation>Seiten werden gezeichnet</translation>
    </message>
    <message>
        <source>Drawing the preview…</source>
        <translation>Vorschau wird gezeichnet…</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF-Dateien (*.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Report cancelled: %1 was not written</source>
        <translation>Bericht abgebrochen: %1 wurde nicht geschrieben</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Report failed: %1</source>
        <translation>Bericht fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Incident report written to %1</source>
        <translation>Vorfallbericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>The first pages without their page numbers: reading the rest of the case, section %1 of %2 (%3)…</source>
        <translation>Die ersten Seiten ohne Seitenzahlen: der Rest des Falls wird gelesen, Abschnitt %1 von %2 (%3)…</translation>
    </message>
    <message>
        <source>Reading the case: section %1 of %2 (%3)…</source>
        <translation>Der Fall wird gelesen: Abschnitt %1 von %2 (%3)…</translation>
    </message>
    <message>
        <source>The preview waits for the export.</source>
        <translation>Die Vorschau wartet auf den Export.</translation>
    </message>
    <message>
        <source>%1, %2 s</source>
        <comment>a section of the report and how long it has been read</comment>
        <translation>%1, %2 s</translation>
    </message>
    <message>
        <source>The first pages as the PDF will print them.</source>
        <translation>Die ersten Seiten, wie das PDF sie drucken wird.</translation>
    </message>
</context>
<context>
    <name>flowscope::SchemaCheck</name>
    <message>
        <source>a table</source>
        <translation>eine Tabelle</translation>
    </message>
    <message>
        <source>a table `%1`</source>
        <translation>eine Tabelle `%1`</translation>
    </message>
    <message>
        <source>the table `%1`</source>
        <translation>die Tabelle `%1`</translation>
    </message>
    <message>
        <source>an index</source>
        <translation>einen Index</translation>
    </message>
    <message>
        <source>an index `%1`</source>
        <translation>einen Index `%1`</translation>
    </message>
    <message>
        <source>an index `%1` on %2</source>
        <translation>einen Index `%1` auf %2</translation>
    </message>
    <message>
        <source>the index `%1`</source>
        <translation>den Index `%1`</translation>
    </message>
    <message>
        <source>the index `%1` on %2</source>
        <translation>den Index `%1` auf %2</translation>
    </message>
    <message>
        <source>a trigger</source>
        <translation>einen Trigger</translation>
    </message>
    <message>
        <source>a trigger `%1`</source>
        <translation>einen Trigger `%1`</translation>
    </message>
    <message>
        <source>a trigger `%1` on %2</source>
        <translation>einen Trigger `%1` auf %2</translation>
    </message>
    <message>
        <source>the trigger `%1`</source>
        <translation>den Trigger `%1`</translation>
    </message>
    <message>
        <source>the trigger `%1` on %2</source>
        <translation>den Trigger `%1` auf %2</translation>
    </message>
    <message>
        <source>a view</source>
        <translation>eine View</translation>
    </message>
    <message>
        <source>a view `%1`</source>
        <translation>eine View `%1`</translation>
    </message>
    <message>
        <source>the view `%1`</source>
        <translation>die View `%1`</translation>
    </message>
    <message>
        <source>holds a column `%1` in table `%2` that Flowscope does not make</source>
        <translation>enthält eine Spalte `%1` in Tabelle `%2`, die Flowscope nicht anlegt</translation>
    </message>
    <message>
        <source>holds the column `%1` of table `%2` as `%3` where Flowscope makes `%4`</source>
        <translation>enthält die Spalte `%1` der Tabelle `%2` als `%3`, wo Flowscope `%4` anlegt</translation>
    </message>
    <message>
        <source>lacks the column `%1` of table `%2`</source>
        <translation>enthält die Spalte `%1` der Tabelle `%2` nicht</translation>
    </message>
    <message>
        <source>holds %1 altered: `%2` where Flowscope makes `%3`</source>
        <translation>enthält %1 verändert: `%2`, wo Flowscope `%3` anlegt</translation>
    </message>
    <message>
        <source>holds %1 where Flowscope makes %2</source>
        <translation>enthält %1, wo Flowscope %2 anlegt</translation>
    </message>
    <message>
        <source>holds %1 that Flowscope does not make</source>
        <translation>enthält %1, nicht von Flowscope angelegt</translation>
    </message>
    <message>
        <source>lacks %1 that a case of format %2 holds</source>
        <translation>enthält %1 nicht (Teil eines Falls im Format %2)</translation>
    </message>
    <message>
        <source>refused: the case %1 %2</source>
        <translation>abgelehnt: der Fall %1 %2</translation>
    </message>
    <message>
        <source>; it %1</source>
        <translation>; er %1</translation>
    </message>
    <message>
        <source>; and %n more</source>
        <translation>; und %n weitere</translation>
    </message>
    <message>
        <source>%1 (it may have been tampered with; open only cases from a trusted source)</source>
        <translation>%1 (er wurde möglicherweise manipuliert; öffnen Sie nur Fälle aus vertrauenswürdigen Quellen)</translation>
    </message>
</context>
<context>
    <name>flowscope::ShownRecordsLabel</name>
    <message>
        <source>Records shown</source>
        <translation>Angezeigte Datensätze</translation>
    </message>
    <message>
        <source>Filtering… at least %1 of %2</source>
        <translation>Filtern… mindestens %1 von %2</translation>
    </message>
    <message>
        <source>The first matches are shown while the rest are counted</source>
        <translation>Die ersten Treffer werden angezeigt, während der Rest gezählt wird</translation>
    </message>
    <message>
        <source>Shown: all %1</source>
        <translation>Angezeigt: alle %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2 (%3)</source>
        <translation>Angezeigt: %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Records the filter matches, of all records in the case</source>
        <translation>Datensätze, auf die der Filter passt, von allen Datensätzen des Falls</translation>
    </message>
</context>
<context>
    <name>flowscope::SnapshotListDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Configuration Snapshots</source>
        <translation>Konfigurations-Snapshots</translation>
    </message>
    <message>
        <source>Each record is explained with the snapshot in force at its time (the newest taken at or before it, else the oldest). Removing a snapshot removes its files from the case; the explanations then use the snapshots left.</source>
        <translation>Jeder Datensatz wird mit dem zu seiner Zeit geltenden Snapshot erklärt (dem neuesten, der zu dieser Zeit oder davor aufgenommen wurde, sonst dem ältesten). Das Entfernen eines Snapshots entfernt seine Dateien aus dem Fall; die Erklärungen verwenden dann die verbleibenden Snapshots.</translation>
    </message>
    <message>
        <source>Remove configuration snapshot %1 (%2) and its files from the case?</source>
        <translation>Konfigurations-Snapshot %1 (%2) und seine Dateien aus dem Fall entfernen?</translation>
    </message>
</context>
<context>
    <name>flowscope::SnapshotListModel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>As of (UTC)</source>
        <translation>Stand (UTC)</translation>
    </message>
    <message>
        <source>Loaded (UTC)</source>
        <translation>Geladen (UTC)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
</context>
<context>
    <name>flowscope::SnapshotLoadDialog</name>
    <message>
        <source>Load Configuration Snapshot</source>
        <translation>Konfigurations-Snapshot laden</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>the newest file&apos;s modification time</source>
        <translation>die Änderungszeit der neuesten Datei</translation>
    </message>
    <message>
        <source>the names of the files and folders</source>
        <translation>die Namen der Dateien und Ordner</translation>
    </message>
    <message>
        <source>&amp;Taken at:</source>
        <translation>&amp;Aufgenommen am:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>Add describe-* Files</source>
        <translation>describe-*-Dateien hinzufügen</translation>
    </message>
    <message>
        <source>AWS CLI JSON (*.json *.json.gz);;All files (*)</source>
        <translation>AWS-CLI-JSON (*.json *.json.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add a Folder of describe-* Files</source>
        <translation>Einen Ordner mit describe-*-Dateien hinzufügen</translation>
    </message>
    <message>
        <source>ISO 8601, UTC unless a zone is given, e.g. 2026-03-01T09:00:00Z</source>
        <translation>ISO 8601, UTC, sofern keine Zone angegeben ist, z. B. 2026-03-01T09:00:00Z</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time.</source>
        <translation>&apos;%1&apos; ist kein Zeitpunkt.</translation>
    </message>
    <message>
        <source>Warning: %1 (%2). Give the time it was taken above if you know it.</source>
        <translation>Warnung: %1 (%2). Geben Sie oben an, wann er aufgenommen wurde, falls Sie es wissen.</translation>
    </message>
    <message>
        <source>The JSON that aws ec2 describe-security-groups, describe-network-acls, describe-network-interfaces, describe-subnets, describe-vpcs, describe-route-tables, describe-instances, describe-security-group-rules, describe-prefix-lists, describe-managed-prefix-lists and get-managed-prefix-list-entries print (.json or .json.gz, any names). The snapshot is stored in the case; a bad file refuses it whole.</source>
        <translation>Das JSON, das aws ec2 describe-security-groups, describe-network-acls, describe-network-interfaces, describe-subnets, describe-vpcs, describe-route-tables, describe-instances, describe-security-group-rules, describe-prefix-lists, describe-managed-prefix-lists und get-managed-prefix-list-entries ausgeben (.json oder .json.gz, beliebige Namen). Der Snapshot wird im Fall gespeichert; eine fehlerhafte Datei weist ihn ganz zurück.</translation>
    </message>
    <message>
        <source>Load Configuration Snapshot into %1</source>
        <translation>Konfigurations-Snapshot in %1 laden</translation>
    </message>
    <message>
        <source>&amp;Load into %1</source>
        <translation>In %1 &amp;laden</translation>
    </message>
</context>
<context>
    <name>flowscope::SnapshotLoadReport</name>
    <message>
        <source>error: </source>
        <translation>Fehler: </translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>The configuration snapshot was not loaded: %1</source>
        <translation>Der Konfigurations-Snapshot wurde nicht geladen: %1</translation>
    </message>
    <message>
        <source>Loading the configuration snapshot was cancelled; the case is unchanged.</source>
        <translation>Das Laden des Konfigurations-Snapshots wurde abgebrochen; der Fall ist unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>The configuration snapshot was refused, and the case is unchanged: %n error(s), the first: %1</source>
        <translation>
            <numerusform>Der Konfigurations-Snapshot wurde abgelehnt, und der Fall ist unverändert: %n Fehler: %1</numerusform>
            <numerusform>Der Konfigurations-Snapshot wurde abgelehnt, und der Fall ist unverändert: %n Fehler, der erste: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Configuration snapshot %1 (%2), as of %3, loaded from %n file(s): %4.</source>
        <translation>
            <numerusform>Konfigurations-Snapshot %1 (%2), Stand %3, aus %n Datei geladen: %4.</numerusform>
            <numerusform>Konfigurations-Snapshot %1 (%2), Stand %3, aus %n Dateien geladen: %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) it cannot resolve: explanations that need them are inconclusive.</source>
        <translation>
            <numerusform>%n Verweis, den er nicht auflösen kann: Erklärungen, die ihn benötigen, sind nicht eindeutig.</numerusform>
            <numerusform>%n Verweise, die er nicht auflösen kann: Erklärungen, die sie benötigen, sind nicht eindeutig.</numerusform>
        </translation>
    </message>
    <message>
        <source>It was %1.</source>
        <translation>Hinweis: %1.</translation>
    </message>
    <message>
        <source>Configuration Snapshot</source>
        <translation>Konfigurations-Snapshot</translation>
    </message>
    <message>
        <source>The configuration snapshot was not loaded.</source>
        <translation>Der Konfigurations-Snapshot wurde nicht geladen.</translation>
    </message>
    <message numerus="yes">
        <source>The configuration snapshot was refused: %n error(s).</source>
        <translation>
            <numerusform>Der Konfigurations-Snapshot wurde abgelehnt: %n Fehler.</numerusform>
            <numerusform>Der Konfigurations-Snapshot wurde abgelehnt: %n Fehler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Configuration snapshot %1 loaded, as of %2.</source>
        <translation>Konfigurations-Snapshot %1 geladen, Stand %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n unresolved reference(s).</source>
        <translation>
            <numerusform>%n nicht aufgelöster Verweis.</numerusform>
            <numerusform>%n nicht aufgelöste Verweise.</numerusform>
        </translation>
    </message>
    <message>
        <source>Far from the records.</source>
        <translation>Zeitlich weit entfernt von den Datensätzen.</translation>
    </message>
</context>
<context>
    <name>flowscope::TimelineLoader</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation>Der Filter ist an Position %1 ungültig: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::TimelinePlot</name>
    <message>
        <source>ACCEPT</source>
        <translation>ACCEPT</translation>
    </message>
    <message>
        <source>REJECT</source>
        <translation>REJECT</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Zeit (Ortszeit)</translation>
    </message>
    <message>
        <source>%1 flows</source>
        <translation>%1 Flows</translation>
    </message>
    <message>
        <source>%1 packets</source>
        <translation>%1 Pakete</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>ACCEPT: %1</source>
        <translation>ACCEPT: %1</translation>
    </message>
    <message>
        <source>REJECT: %1</source>
        <translation>REJECT: %1</translation>
    </message>
    <message>
        <source>%1 flow</source>
        <translation>%1 Flow</translation>
    </message>
    <message>
        <source>%1 packet</source>
        <translation>%1 Paket</translation>
    </message>
    <message>
        <source>SKIPDATA (records skipped)</source>
        <translation>SKIPDATA (Datensätze übersprungen)</translation>
    </message>
    <message numerus="yes">
        <source>%n markers</source>
        <translation>
            <numerusform>%n Marker</numerusform>
            <numerusform>%n Marker</numerusform>
        </translation>
    </message>
    <message>
        <source>Quiet (NODATA, no records)</source>
        <translation>Ruhig (NODATA, keine Datensätze)</translation>
    </message>
    <message>
        <source>Removed file</source>
        <translation>Entfernte Datei</translation>
    </message>
    <message>
        <source>Grey: interfaces reported NODATA (no traffic in their capture window) and no record of the filter falls here. Quiet, not lost evidence. An interface that is idle while others carry traffic is normal and not shaded; a bucket&apos;s tooltip names the interfaces that reported NODATA.</source>
        <translation>Grau: Schnittstellen meldeten NODATA (kein Verkehr in ihrem Erfassungsfenster), und kein Datensatz des Filters fällt hierher. Ruhe, keine verlorenen Belege. Eine Schnittstelle, die untätig ist, während andere Verkehr haben, ist normal und nicht schattiert; der Tooltip eines Intervalls nennt die Schnittstellen, die NODATA meldeten.</translation>
    </message>
    <message>
        <source>Amber: interfaces reported SKIPDATA. The flow log service skipped records (capacity or an internal error), so evidence may be missing here.</source>
        <translation>Bernsteingelb: Schnittstellen meldeten SKIPDATA. Der Flow-Log-Dienst hat Datensätze übersprungen (Kapazität oder ein interner Fehler), daher können hier Belege fehlen.</translation>
    </message>
    <message>
        <source>Hatched: a file removed from the case (Remove File from Case) held records here. Its evidence is no longer in the case; import the file again to fill the hole.</source>
        <translation>Schraffiert: Eine aus dem Fall entfernte Datei (Datei aus dem Fall entfernen) enthielt hier Datensätze. Ihre Belege sind nicht mehr im Fall; importieren Sie die Datei erneut, um die Lücke zu füllen.</translation>
    </message>
    <message>
        <source>Removed from the case: %1</source>
        <translation>Aus dem Fall entfernt: %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, %2 bis %3</translation>
    </message>
    <message>
        <source>SKIPDATA (none shown)</source>
        <translation>SKIPDATA (keine angezeigt)</translation>
    </message>
    <message>
        <source>The case has SKIPDATA records, but none from the interfaces of the filter&apos;s records in this range: nothing here is shaded amber.</source>
        <translation>Der Fall hat SKIPDATA-Datensätze, aber keine von den Schnittstellen der Datensätze des Filters in diesem Bereich: Hier ist nichts bernsteingelb schattiert.</translation>
    </message>
</context>
<context>
    <name>flowscope::TimelineView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>What the bars count: flows by their start, or bytes and packets</source>
        <translation>Was die Balken zählen: Flows nach ihrem Beginn, oder Bytes und Pakete</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Bucket width: Auto follows the zoom, from 1 second to 1 day</source>
        <translation>Intervallbreite: Automatisch folgt dem Zoom, von 1 Sekunde bis 1 Tag</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <source>Share a record&apos;s bytes and packets among the buckets its time span covers (off: all in the bucket it starts in)</source>
        <translation>Bytes und Pakete eines Datensatzes auf die Intervalle verteilen, die seine Zeitspanne abdeckt (aus: alles im Intervall seines Beginns)</translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation>Log. Skala</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Local Time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Show the whole range (Home, or double-click the plot)</source>
        <translation>Den ganzen Zeitraum zeigen (Pos1 oder Doppelklick in die Grafik)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Series as CSV…</source>
        <translation>Reihe als CSV…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Plot as PNG…</source>
        <translation>Grafik als PNG…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Plot as PDF…</source>
        <translation>Grafik als PDF…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>No records with a time in this case</source>
        <translation>Keine Datensätze mit Zeitangabe in diesem Fall</translation>
    </message>
    <message>
        <source>No records with a time match the filter</source>
        <translation>Keine Datensätze mit Zeitangabe passen auf den Filter</translation>
    </message>
    <message>
        <source>Buckets of %1</source>
        <translation>Intervalle von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) without a start time not shown</source>
        <translation>
            <numerusform>%n Datensatz ohne Beginn nicht gezeigt</numerusform>
            <numerusform>%n Datensätze ohne Beginn nicht gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>Zeitleiste exportieren</translation>
    </message>
    <message>
        <source>No ACCEPT or REJECT records match the filter here</source>
        <translation>Keine ACCEPT- oder REJECT-Datensätze passen hier auf den Filter</translation>
    </message>
    <message>
        <source>Loading the case…</source>
        <translation>Fall wird geladen…</translation>
    </message>
    <message>
        <source>The filter&apos;s time window (shaded) keeps every record whose time span overlaps it, including records that start before it</source>
        <translation>Das Zeitfenster des Filters (schattiert) behält jeden Datensatz, dessen Zeitspanne es überschneidet, auch Datensätze, die vor ihm beginnen</translation>
    </message>
    <message>
        <source>Window: records overlapping it</source>
        <translation>Fenster: Datensätze, die es überschneiden</translation>
    </message>
    <message>
        <source> (spread over the buckets a record spans)</source>
        <translation> (verteilt auf die Intervalle, die ein Datensatz überspannt)</translation>
    </message>
    <message>
        <source>metric: %1</source>
        <translation>Metrik: %1</translation>
    </message>
    <message>
        <source>buckets: %1</source>
        <translation>Intervalle: %1</translation>
    </message>
    <message>
        <source>filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>(none: every record)</source>
        <translation>(keiner: alle Datensätze)</translation>
    </message>
    <message>
        <source>case: %1</source>
        <translation>Fall: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 – %5 %6</source>
        <translation>%1 · %2 · %3 · %4 – %5 %6</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
</context>
<context>
    <name>flowscope::TrafficStatsDisplayModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>IANA protocol %1</source>
        <translation>IANA-Protokoll %1</translation>
    </message>
</context>
<context>
    <name>flowscope::TrafficStatsModel</name>
    <message>
        <source>Address A</source>
        <translation>Adresse A</translation>
    </message>
    <message>
        <source>Address B</source>
        <translation>Adresse B</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Accepts</source>
        <translation>Zugelassen</translation>
    </message>
    <message>
        <source>Rejects</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Zuerst gesehen (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Zuletzt gesehen (UTC)</translation>
    </message>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation>Der Filter ist an Position %1 ungültig: %2</translation>
    </message>
</context>
<context>
    <name>flowscope::TrafficStatsView</name>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Conversations by Service</source>
        <translation>Gespräche nach Dienst</translation>
    </message>
    <message>
        <source>Endpoints by Address</source>
        <translation>Endpunkte nach Adresse</translation>
    </message>
    <message>
        <source>Endpoints by Interface</source>
        <translation>Endpunkte nach Schnittstelle</translation>
    </message>
    <message>
        <source>Address pairs, whichever way the traffic flowed</source>
        <translation>Adresspaare, in welche Richtung der Verkehr auch floss</translation>
    </message>
    <message>
        <source>Address pairs with the protocol and the service port (the lower port)</source>
        <translation>Adresspaare mit Protokoll und Dienstport (dem niedrigeren Port)</translation>
    </message>
    <message>
        <source>Every address, with the flows it sent or received</source>
        <translation>Jede Adresse mit den Flows, die sie sendete oder empfing</translation>
    </message>
    <message>
        <source>Every network interface (ENI) that logged flows</source>
        <translation>Jede Netzwerkschnittstelle (ENI), die Flows protokollierte</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>Could not compute: %1</source>
        <translation>Berechnung nicht möglich: %1</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message>
        <source>Copy as &amp;Filter</source>
        <translation>Als &amp;Filter kopieren</translation>
    </message>
    <message>
        <source>; double-click a row to filter on it</source>
        <translation>; Doppelklick auf eine Zeile filtert danach</translation>
    </message>
    <message>
        <source>conversations</source>
        <translation>Gesprächen</translation>
    </message>
    <message>
        <source>service conversations</source>
        <translation>Gesprächen je Dienst</translation>
    </message>
    <message>
        <source>addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by flows</source>
        <translation>Die %1 kleinsten von %2 %3 nach Flows</translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by flows</source>
        <translation>Die %1 größten von %2 %3 nach Flows</translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by packets</source>
        <translation>Die %1 kleinsten von %2 %3 nach Paketen</translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by packets</source>
        <translation>Die %1 größten von %2 %3 nach Paketen</translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by bytes</source>
        <translation>Die %1 kleinsten von %2 %3 nach Bytes</translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by bytes</source>
        <translation>Die %1 größten von %2 %3 nach Bytes</translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by accepts</source>
        <translation>Die %1 kleinsten von %2 %3 nach zugelassenen Flows</translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by accepts</source>
        <translation>Die %1 größten von %2 %3 nach zugelassenen Flows</translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by rejects</source>
        <translation>Die %1 kleinsten von %2 %3 nach abgewiesenen Flows</translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by rejects</source>
        <translation>Die %1 größten von %2 %3 nach abgewiesenen Flows</translation>
    </message>
    <message>
        <source>Earliest %1 of %2 %3 by first seen</source>
        <translation>Die %1 frühesten von %2 %3 nach erstem Auftreten</translation>
    </message>
    <message>
        <source>Latest %1 of %2 %3 by first seen</source>
        <translation>Die %1 spätesten von %2 %3 nach erstem Auftreten</translation>
    </message>
    <message>
        <source>Earliest %1 of %2 %3 by last seen</source>
        <translation>Die %1 frühesten von %2 %3 nach letztem Auftreten</translation>
    </message>
    <message>
        <source>Latest %1 of %2 %3 by last seen</source>
        <translation>Die %1 spätesten von %2 %3 nach letztem Auftreten</translation>
    </message>
</context>
<context>
    <name>flowscope::UnansweredRequestsModel</name>
    <message>
        <source>No route</source>
        <translation>Keine Route</translation>
    </message>
    <message>
        <source>Route allows</source>
        <translation>Route erlaubt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation>Der Filter ist an Position %1 ungültig: %2</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>Vorschlag: %1</translation>
    </message>
    <message>
        <source>Double-click to show its records: %1</source>
        <translation>Doppelklicken, um die Datensätze anzuzeigen: %1</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>flowscope::WhyRejectedPanel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rule %2 (%3)</source>
        <translation>%1 Regel %2 (%3)</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>ausgehende</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>eingehende</translation>
    </message>
    <message>
        <source>Evidence (click to go to a record)</source>
        <translation>Belege (klicken, um zu einem Datensatz zu gehen)</translation>
    </message>
    <message>
        <source>Rules along the path</source>
        <translation>Regeln entlang des Pfads</translation>
    </message>
    <message>
        <source>Caveats</source>
        <translation>Vorbehalte</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Select a REJECT record in the flow table to see why it was rejected.</source>
        <translation>Wählen Sie in der Flow-Tabelle einen REJECT-Datensatz, um zu sehen, warum er abgelehnt wurde.</translation>
    </message>
    <message>
        <source>A security group denied it.</source>
        <translation>Eine Sicherheitsgruppe hat ihn verweigert.</translation>
    </message>
    <message>
        <source>A network ACL denied it.</source>
        <translation>Eine Netzwerk-ACL hat ihn verweigert.</translation>
    </message>
    <message>
        <source>A security group and a network ACL both deny it.</source>
        <translation>Eine Sicherheitsgruppe und eine Netzwerk-ACL verweigern ihn beide.</translation>
    </message>
    <message>
        <source>A security group or a network ACL denied it: the flow records alone cannot tell which.</source>
        <translation>Eine Sicherheitsgruppe oder eine Netzwerk-ACL hat ihn verweigert: Die Flow-Datensätze allein zeigen nicht, welche.</translation>
    </message>
    <message>
        <source>VPC Block Public Access rejected it.</source>
        <translation>VPC Block Public Access hat ihn abgelehnt.</translation>
    </message>
    <message>
        <source>Inconclusive: what is known does not decide it.</source>
        <translation>Nicht eindeutig: Das Bekannte reicht für eine Entscheidung nicht aus.</translation>
    </message>
    <message>
        <source>Not explained: the configuration snapshot allows this flow.</source>
        <translation>Nicht erklärt: Der Konfigurations-Snapshot lässt diesen Flow zu.</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>Kein Fall geöffnet.</translation>
    </message>
    <message>
        <source>This record was accepted. Select a REJECT record to see why it was rejected (the filter action == reject shows only those).</source>
        <translation>Dieser Datensatz wurde akzeptiert. Wählen Sie einen REJECT-Datensatz, um zu sehen, warum er abgelehnt wurde (der Filter action == reject zeigt nur diese).</translation>
    </message>
    <message>
        <source>None of its %1 security groups (%2) admits it.</source>
        <translation>Keine seiner %1 Sicherheitsgruppen (%2) lässt ihn zu.</translation>
    </message>
    <message>
        <source>%1, %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>Decided by the configuration snapshot taken %1, at the record&apos;s time.</source>
        <translation>Entschieden durch den Konfigurations-Snapshot vom %1, zur Zeit des Datensatzes.</translation>
    </message>
    <message>
        <source>Decided by the configuration snapshot taken %1, %2 before the record.</source>
        <translation>Entschieden durch den Konfigurations-Snapshot vom %1, %2 vor dem Datensatz.</translation>
    </message>
    <message>
        <source>Decided by the configuration snapshot taken %1, %2 after the record (no older snapshot is loaded).</source>
        <translation>Entschieden durch den Konfigurations-Snapshot vom %1, %2 nach dem Datensatz (kein älterer Snapshot ist geladen).</translation>
    </message>
    <message>
        <source>From the flow records alone. Load a configuration snapshot (the describe-* output of the AWS CLI) to name the group or the ACL rule that decided.</source>
        <translation>Allein aus den Flow-Datensätzen. Laden Sie einen Konfigurations-Snapshot (die describe-*-Ausgabe der AWS CLI), um die Gruppe oder die ACL-Regel zu nennen, die entschieden hat.</translation>
    </message>
    <message>
        <source>From the flow records alone: the case&apos;s configuration snapshots do not decide this flow.</source>
        <translation>Allein aus den Flow-Datensätzen: Die Konfigurations-Snapshots des Falls entscheiden diesen Flow nicht.</translation>
    </message>
    <message>
        <source>Evidence: no request, reply or record at the other end found</source>
        <translation>Belege: keine Anfrage, keine Antwort und kein Datensatz am anderen Ende gefunden</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Rejects of this interface near it carry the caveat that a counterpart may be missing.</source>
        <translation>Ablehnungen dieser Schnittstelle in seiner Nähe tragen den Vorbehalt, dass ein Gegenstück fehlen kann.</translation>
    </message>
    <message>
        <source>Decided by the record itself: its reject-reason is BPA (VPC Block Public Access).</source>
        <translation>Vom Datensatz selbst entschieden: Sein reject-reason ist BPA (VPC Block Public Access).</translation>
    </message>
    <message>
        <source>This record has no action (its flow log does not record one), so there is no verdict to give.</source>
        <translation>Dieser Datensatz hat keine Aktion (sein Flow Log zeichnet keine auf), daher gibt es keinen Befund.</translation>
    </message>
    <message>
        <source>This record is a %1 report, a gap in logging rather than a flow: %2. It has no action, so there is no verdict.</source>
        <translation>Dieser Datensatz ist eine %1-Meldung, eine Lücke in der Protokollierung statt eines Flows: %2. Er hat keine Aktion, daher gibt es keinen Befund.</translation>
    </message>
    <message>
        <source>Apply as Filter</source>
        <translation>Als Filter anwenden</translation>
    </message>
    <message>
        <source>Prepare as Filter</source>
        <translation>Als Filter vorbereiten</translation>
    </message>
    <message>
        <source>Copy Filter</source>
        <translation>Filter kopieren</translation>
    </message>
    <message>
        <source>Explaining %1…</source>
        <translation>%1 wird erklärt…</translation>
    </message>
    <message>
        <source>Explaining the record…</source>
        <translation>Datensatz wird erklärt…</translation>
    </message>
    <message>
        <source>Explains %1</source>
        <translation>Erklärt %1</translation>
    </message>
    <message>
        <source>The record explained (%1)</source>
        <translation>Der erklärte Datensatz (%1)</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Datensatz %1</translation>
    </message>
    <message>
        <source>The record could not be explained: %1</source>
        <translation>Der Datensatz konnte nicht erklärt werden: %1</translation>
    </message>
    <message>
        <source>The record is not a REJECT of this case.</source>
        <translation>Der Datensatz ist kein REJECT dieses Falls.</translation>
    </message>
    <message>
        <source>This filter shows it: %1</source>
        <translation>Dieser Filter zeigt ihn: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>evidence role (record identity)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The flow %1</source>
        <translation>Der Flow %1</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 Port %2</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>nach %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Security groups admit only what one of their rules allows, and no %1 rule of these groups allows %2 %3.</source>
        <translation>Sicherheitsgruppen lassen nur zu, was eine ihrer Regeln erlaubt, und keine %1 Regel dieser Gruppen erlaubt %2 %3.</translation>
    </message>
    <message>
        <source>This is a reply, but the groups did not admit its request, so it is judged as new traffic.</source>
        <translation>Dies ist eine Antwort, aber die Gruppen haben ihre Anfrage nicht zugelassen, daher wird sie als neuer Verkehr beurteilt.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) came close (in italics under Rules along the path).</source>
        <translation>
            <numerusform>%n Regel hat knapp verfehlt (kursiv unter Regeln entlang des Pfads).</numerusform>
            <numerusform>%n Regeln haben knapp verfehlt (kursiv unter Regeln entlang des Pfads).</numerusform>
        </translation>
    </message>
    <message>
        <source>Network ACLs take their rules in number order and the first match decides: the first %1 rule of subnet %2 matching %3 %4 is rule %5, a deny.</source>
        <translation>Netzwerk-ACLs prüfen ihre Regeln in der Reihenfolge ihrer Nummern, und der erste Treffer entscheidet: Die erste %1 Regel von Subnetz %2, die auf %3 %4 passt, ist Regel %5, und sie verweigert.</translation>
    </message>
    <message>
        <source>This packet is the reply of a request, and network ACLs are stateless: replies need a rule of their own.</source>
        <translation>Dieses Paket ist die Antwort auf eine Anfrage, und Netzwerk-ACLs sind zustandslos: Antworten brauchen eine eigene Regel.</translation>
    </message>
    <message>
        <source>%1 was changed at %2 UTC by %3: %4, before this reject.</source>
        <translation>%1 wurde am %2 UTC von %3 geändert: %4, vor dieser Ablehnung.</translation>
    </message>
    <message>
        <source>CloudTrail event %1</source>
        <translation>CloudTrail-Ereignis %1</translation>
    </message>
</context>
<context>
    <name>flowscope::explain::SnapshotTimeline</name>
    <message numerus="yes">
        <source>%1 years</source>
        <translation>
            <numerusform>%1 Jahre</numerusform>
            <numerusform>%1 Jahre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 months</source>
        <translation>
            <numerusform>%1 Monate</numerusform>
            <numerusform>%1 Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 weeks</source>
        <translation>
            <numerusform>%1 Wochen</numerusform>
            <numerusform>%1 Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 days</source>
        <translation>
            <numerusform>%1 Tage</numerusform>
            <numerusform>%1 Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>taken %1 after the case&apos;s last record: explanations of earlier records may not match the configuration then</source>
        <translation>
            <numerusform>%1 nach dem letzten Datensatz des Falls aufgenommen: Erklärungen früherer Datensätze entsprechen möglicherweise nicht der damaligen Konfiguration</numerusform>
            <numerusform>%1 nach dem letzten Datensatz des Falls aufgenommen: Erklärungen früherer Datensätze entsprechen möglicherweise nicht der damaligen Konfiguration</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>taken %1 before the case&apos;s first record: explanations of later records may not match the configuration then</source>
        <translation>
            <numerusform>%1 vor dem ersten Datensatz des Falls aufgenommen: Erklärungen späterer Datensätze entsprechen möglicherweise nicht der damaligen Konfiguration</numerusform>
            <numerusform>%1 vor dem ersten Datensatz des Falls aufgenommen: Erklärungen späterer Datensätze entsprechen möglicherweise nicht der damaligen Konfiguration</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Investigation workbench for AWS VPC Flow Logs</source>
        <translation>Arbeitsumgebung für Untersuchungen von AWS VPC Flow Logs</translation>
    </message>
    <message>
        <source>Case file to open (default: the demo case)</source>
        <translation>Zu öffnende Falldatei (Standard: der Demofall)</translation>
    </message>
    <message>
        <source>Cannot build the demo case: %1</source>
        <translation>Der Demofall kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Start without opening a case</source>
        <translation>Ohne Fall starten</translation>
    </message>
    <message>
        <source>Display filter to apply</source>
        <translation>Anzuwendender Anzeigefilter</translation>
    </message>
    <message>
        <source>expression</source>
        <translation>Ausdruck</translation>
    </message>
</context>
</TS>
