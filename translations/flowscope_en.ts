<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FileRemovalJob</name>
    <message>
        <source>%1: no imported file has the SHA-256 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removal of %1 cancelled; the case is unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the case is unchanged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>Go to Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (ISO 8601, UTC unless a zone is given, or epoch seconds):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case spans %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelinePlot</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope</name>
    <message>
        <source>
New: not seen before the time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Gone: seen before the time range, not in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACCEPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REJECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reply was logged %1 by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request was logged %1 by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its request is record %1 there (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its reply is record %1 there (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at the other end logged the request as record %2 (ACCEPT): it left there and was rejected entering %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at the other end logged the request as record %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at the other end logged the reply as record %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request for it lies nearby on %1: a network ACL, or a packet after the connection closed, is likelier than a security group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply to it lies nearby on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interface of the case logged it at the other end (that end may not be logged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flows, %2, %3 packets
%4 accepted, %5 rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::AboutDialog</name>
    <message>
        <source>About Flowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An investigation workbench for AWS VPC Flow Logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flowscope %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.&lt;/p&gt;&lt;p&gt;This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for more details.&lt;/p&gt;&lt;p&gt;You should have received a copy of the GNU General Public License along with this program. If not, see &lt;a href=&quot;https://www.gnu.org/licenses/&quot;&gt;https://www.gnu.org/licenses/&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;The timeline uses QCustomPlot by Emanuel Eichhammer, licensed under the GNU General Public License version 3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::CaseSession</name>
    <message>
        <source>%1 already exists: choose another name for the new case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the case %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case holds no configuration snapshot %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove configuration snapshot %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::CaseStatusLabel</name>
    <message>
        <source>%1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be imported: see the import report</source>
        <translation>
            <numerusform>%Ln file could not be imported: see the import report</numerusform>
            <numerusform>%Ln files could not be imported: see the import report</numerusform>
        </translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::CaseSummaryView</name>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 imported, %2 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n format(s)</source>
        <translation>
            <numerusform>%n format</numerusform>
            <numerusform>%n formats</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::CsvExportController</name>
    <message>
        <source>Exporting to %1…
%2 rows written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln row to %1</numerusform>
            <numerusform>Exported %Ln rows to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export %1 as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…
%2 of %3 rows written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::DetectionSettingsDialog</name>
    <message>
        <source>Detection Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thresholds of Run Detections. Byte counts take units (500 MB, 2 GiB); port lists are separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::EmptyCaseView</name>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case is one file (.flowcase) holding the flow logs of an investigation. Create one, then import flow-log files or folders into it with File &gt; Import, or by dropping them onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Case…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::EvidenceModel</name>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request at the other end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply at the other end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (other end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this interface)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to go to it in the flow table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to go to it in the flow table. This filter shows it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 UTC.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::ExplanationRulesModel</name>
    <message>
        <source>Source security groups, outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source network ACL, outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination network ACL, inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination security groups, inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not evaluated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed it (the reply of an allowed request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DENIED it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inconclusive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the interface that logged the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first match: allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first match: denies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admits the flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near miss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near miss: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no outbound rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no inbound rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>protocol ports</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3 %4</source>
        <comment>rule number, action, what, peer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — first match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not in the snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <comment>action, what, peer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — admits the flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — near miss: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::FieldCatalog</name>
    <message>
        <source>Flow log version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS account of the source interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network interface (ENI) id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IANA protocol number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets in the interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes in the interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First packet (Unix seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last packet (Unix seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACCEPT or REJECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK, NODATA or SKIPDATA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC of the interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet of the interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance owning the interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP flags OR-ed over the interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4, IPv6 or EFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet-level source address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet-level destination address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region of the interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability Zone id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wavelength, outpost or localzone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id of the sublocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS service of pkt-srcaddr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS service of pkt-dstaddr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingress or egress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egress path (1-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS cluster ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS cluster name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS container instance ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS container instance id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First container&apos;s runtime id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second container&apos;s runtime id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS task definition ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS task ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the traffic was rejected (e.g. BPA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource id (newer field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC encryption status 0-3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::FilterBar</name>
    <message>
        <source>The filter is not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: e.g. addr == 10.0.0.0/8 and action == reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a filter; Enter applies it, Escape restores the filter in force, Ctrl+Space completes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent and saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the filter (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Saved Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display filter: Enter applies it, Escape restores the filter in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case to save filters in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved filter needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a valid, non-empty filter can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved filter could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter not applied (%1): the table still shows every record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter not applied (%1): the table still shows %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the evidence of finding %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to every record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::FilterBarMenu</name>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case to save filters in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Saved Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Recent Filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::FilterCompletion</name>
    <message>
        <source>srcaddr or dstaddr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>srcport or dstport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interface-id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record&apos;s span from start to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a security group of the interface, by id or name (from the configuration snapshot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Name tag of the interface&apos;s instance (from the configuration snapshot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the interface&apos;s subnet (from the configuration snapshot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name of the interface&apos;s VPC (from the configuration snapshot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negates the term that follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a TCP flag: has syn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs from (or is absent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>greater than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in a set: in {a, b, lo..hi}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches a regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in an IOC list: in @name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the configuration snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both terms hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>either term holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the records starred in this case (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tag the analyst gave the record: tag == &quot;c2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagged in this case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::FindingsModel</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last run of its detector no longer found it; kept for the analyst&apos;s edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::FindingsView</name>
    <message>
        <source>Run Detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detections cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running detections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Findings as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detections have not been run on this case yet: press Run Detections to look for scans, beacons, exfiltration, lateral movement and IOC hits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings of the last run of each detector:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln finding(s); detections last ran %1 UTC over %2.</source>
        <translation>
            <numerusform>%Ln finding; detections last ran %1 UTC over %2.</numerusform>
            <numerusform>%Ln findings; detections last ran %1 UTC over %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::FlowPageLoader</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::FlowTableModel</name>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Src port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dst port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sublocation type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sublocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS cluster ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS container instance ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS container instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS second container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS task definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS task ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorting by %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted by %1, descending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted by %1, ascending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the first %2 of %3 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IANA protocol number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: from the case&apos;s newest configuration snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::FlowTableView</name>
    <message>
        <source>&amp;Copy as Tab-Separated Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Rows as &amp;CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Rows as &amp;Tab-Separated Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Latest First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows are in time order (start, then record); this turns it around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time order: start, then record. Click to turn it around.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to sort by this column, again to turn it around; equal values stay in time order. Over more than a million records, the top 10,000 are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the configuration snapshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::GraphEdgeItem</name>
    <message>
        <source>
Initiator unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::GraphLoader</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::GraphView</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a node of the case is: an interface, or its subnet, VPC or account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The heaviest nodes drawn; the others are folded into one &quot;+N more&quot; node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What ranks the nodes and sets the edges&apos; widths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a time range in the filter: also draw the nodes seen before it but not in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole graph (0); the wheel zooms, dragging the background pans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No traffic under this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the %1 heaviest nodes are drawn: %2 more (%3 flows, %4) are folded into &quot;+%2 more&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Graphviz layout failed, so the nodes are on a circle: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since %1: %2 new nodes, %3 new edges (in blue, new nodes with a thick outline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 gone nodes drawn dashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 more not drawn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand %1 into Its Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin All Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay Out Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the present positions: nodes otherwise keep their places when the filter changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not render the graph as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No graph to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphviz could not draw the SVG: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Graph as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subnets could not be laid out as boxes, so sfdp placed the nodes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOC list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flows · %2 · %3 packets · %4 accepted · %5 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its filter is in the filter bar, not applied yet: Enter or Apply applies it, and a double-click on the graph applies it at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes left out by the top N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: not seen before the time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 (the first one initiates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (initiator unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Only the %1 heaviest nodes and the %Ln address(es) of expanded groups are drawn: %2 more (%3 flows, %4) are folded into &quot;+%2 more&quot;</source>
        <translation>
            <numerusform>Only the %1 heaviest nodes and the %Ln address of an expanded group are drawn: %2 more (%3 flows, %4) are folded into &quot;+%2 more&quot;</numerusform>
            <numerusform>Only the %1 heaviest nodes and the %Ln addresses of expanded groups are drawn: %2 more (%3 flows, %4) are folded into &quot;+%2 more&quot;</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoomed in for the labels to read, around the heaviest node: Fit (0) shows the whole graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::ImportController</name>
    <message>
        <source>An import is already running: wait for it to finish or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a case before importing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a flow-log format string: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::ImportErrorsModel</name>
    <message>
        <source>whole file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::ImportFilesModel</name>
    <message>
        <source>Rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the file was delivered, as detected from its content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fields of the file&apos;s records, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines rejected (the good lines of the file are imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file ended early (a cut gzip stream): the lines before are imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records stored from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records of the file that other files of the case already held (the same flow log delivered twice, or a copy of part of a file): read, not stored again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::ImportJob</name>
    <message>
        <source>The import stopped on an unexpected error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::ImportProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the import: the file being imported is left out, the files before it stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking at the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1 of %2, %3 records, %4 records/s, about %5 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1 of %2, %3 records, %4 records/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: %Ln file(s) imported before it stay in the case</source>
        <translation>
            <numerusform>Import cancelled: %Ln file imported before it stays in the case</numerusform>
            <numerusform>Import cancelled: %Ln files imported before it stay in the case</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled: the case is as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) already in the case</source>
        <translation>
            <numerusform>%Ln file already in the case</numerusform>
            <numerusform>%Ln files already in the case</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s): see the import report</source>
        <translation>
            <numerusform>%Ln error: see the import report</numerusform>
            <numerusform>%Ln errors: see the import report</numerusform>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message>
        <source>Into %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::ImportReportView</name>
    <message>
        <source>Files (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors (the first %1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (%1; duplicate records not stored again: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove File from Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the file&apos;s records, with everything derived from them, out of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove File from Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 from %3?

Its %Ln record(s) go, with their stars, tags and notes and everything derived from them; stored detections are dropped. The case then holds what it would hold had the file never been imported.

%2</source>
        <translation>
            <numerusform>Remove %1 from %3?

Its %Ln record goes, with its star, tags and notes and everything derived from it; stored detections are dropped. The case then holds what it would hold had the file never been imported.

%2</numerusform>
            <numerusform>Remove %1 from %3?

Its %Ln records go, with their stars, tags and notes and everything derived from them; stored detections are dropped. The case then holds what it would hold had the file never been imported.

%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::IncidentTimelineModel</name>
    <message>
        <source>starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CloudTrail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a severity: info, low, medium, high or critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Double-click the entry to show the record in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
It touches none of the case&apos;s interfaces: no records to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Double-click the entry to show its interfaces&apos; records from just before it on (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2
Double-click the entry to show its evidence (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::IncidentTimelineView</name>
    <message>
        <source>Double-click an entry to show it in the table; F2 edits severity, tags or a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing yet: star records in the table (Ctrl+M), tag or annotate them from its context menu, or run detections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: touches none of the case&apos;s interfaces, so it has no records to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: about no record, so there is nothing to show in the table.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::IocHitsModel</name>
    <message>
        <source>Double-click to show its records: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> +%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::IocListsDialog</name>
    <message>
        <source>&amp;Add from Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hunt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOC Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match every record of the case against the selected lists (all lists when none is selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hits (double-click a row to show its records):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hunting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@%1: %2 indicators added, %3 already in the list, %4 lines rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Add IOC List Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOC lists (*.txt *.csv *.gz *.lst);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOC List Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the list (filters name it @name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Adding %n file(s) to @%1…</source>
        <translation>
            <numerusform>Adding %n file to @%1…</numerusform>
            <numerusform>Adding %n files to @%1…</numerusform>
        </translation>
    </message>
    <message>
        <source>The case has no IOC lists: add one from files, then Hunt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lists have not been hunted on this case yet: press Hunt to match every record against them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hunt %1 UTC over %2: %3 of %4 indicators hit (%5 blocks read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::LogFormatDialog</name>
    <message>
        <source>Flow Log Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The format string of the flow log, as the AWS console or &apos;aws ec2 describe-flow-logs&apos; (LogFormat) shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format string:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) have no header line and their records are not in the default format. Give the flow log&apos;s format string so that Flowscope can read them.</source>
        <translation>
            <numerusform>%n file has no header line and its records are not in the default format. Give the flow log&apos;s format string so that Flowscope can read it.</numerusform>
            <numerusform>%n files have no header line and their records are not in the default format. Give the flow log&apos;s format string so that Flowscope can read them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, first record (%n field(s)):
%2</source>
        <translation>
            <numerusform>%1, first record (%n field):
%2</numerusform>
            <numerusform>%1, first record (%n fields):
%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the format string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a format string: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n field(s), but the first record has %1: its lines would be rejected.</source>
        <translation>
            <numerusform>%n field, but the first record has %1: its lines would be rejected.</numerusform>
            <numerusform>%n fields, but the first record has %1: its lines would be rejected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s), version %1.</source>
        <translation>
            <numerusform>%n field, version %1.</numerusform>
            <numerusform>%n fields, version %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowscope::MainActions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an empty case file (.flowcase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import flow-log files into the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import every flow-log file under a folder into the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Flowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll the flow table to the first record starting at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the display filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;Configuration Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load describe-* JSON of security groups, network ACLs, interfaces and routes into the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;Duplicate Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports store records that other files of the case already hold (the same flow delivered to S3 and CloudWatch) instead of counting them as duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;IOC Lists…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, remove and hunt lists of indicators (addresses, CIDR blocks, address:port); filters name them @name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;Detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the detectors over the current filter&apos;s records and list their findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration &amp;Snapshots…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the case&apos;s configuration snapshots and remove one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident &amp;Report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a PDF report of the case and the current filter for the incident ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection &amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the detectors&apos; thresholds for the next runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every record of the filter, or the statistic, reject groups, findings or incident timeline last brought to the front or clicked, to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Flows as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::MainWindow</name>
    <message>
        <source>Flowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - Flowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flowscope cases (*.flowcase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flowscope cases (*.flowcase);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Flow-Log Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow logs (*.log *.log.gz *.gz *.json *.jsonl *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a Folder of Flow Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is running. Stop it and quit? The file being imported is left out; the files imported before it stay in the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when Flowscope starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why Rejected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter given on the command line is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the configuration snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Flow-Log Files into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a Folder of Flow Logs into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not among the rows the filter shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1 from %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 from %2: %Ln record(s)</source>
        <translation>
            <numerusform>Removed %1 from %2: %Ln record</numerusform>
            <numerusform>Removed %1 from %2: %Ln records</numerusform>
        </translation>
    </message>
    <message>
        <source>; stored detections dropped: run the detectors again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration snapshot %1 removed: explanations use the snapshots left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The starred record of %1 is not among the rows the filter shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The starred record of %1 (%2) is not among the rows the filter shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Hidden by the Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter to show it in the table?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the Filter and Show It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the Filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::PivotFilterMenu</name>
    <message>
        <source>Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and not Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or not Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply as Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare as Filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::RecentCasesMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::RecordDetailView</name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record to see its fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IANA protocol number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 local time, %2 seconds since the epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seconds since the epoch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::RecordIdentity</name>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::RecordMarkActions</name>
    <message>
        <source>&amp;Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star the selected records for the incident timeline, or unstar them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected records tags (filter them with tag == &quot;name&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note on the current record for the incident timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tags for %n record(s), separated by commas (letters, digits and - _ . : /):</source>
        <translation>
            <numerusform>Tags for %n record, separated by commas (letters, digits and - _ . : /):</numerusform>
            <numerusform>Tags for %n records, separated by commas (letters, digits and - _ . : /):</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::RejectGroupsModel</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by the configuration snapshot in force at each record&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided from the flow records alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to show these rejects: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::RejectsOverviewView</name>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table shows this group&apos;s %1 rejects together with %2 of other groups on the same interface, protocol and port: verdict, component and rule are not filter fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explaining the rejects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in 1 group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in %1 groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, from the flow records alone (no configuration snapshot loaded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, from the flow records alone: no configuration snapshot of the case describes their interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, decided by the configuration snapshot in force at each record&apos;s time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 decided by the configuration snapshot in force at the record&apos;s time, the rest from the flow records alone (no snapshot describes their interfaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a group to filter on its rejects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for requests that no record answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every egress request of the filter has a reply in the case (or was rejected: see Groups).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 egress request ACCEPTed with no reply anywhere in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 egress requests ACCEPTed with no reply anywhere in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, each with what the route table of the snapshot in force does with its destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: the cause lies outside the flow logs&apos; sight (load the route tables to see the route).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a request to show its records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. The requests shown, if any, are of an earlier filter: Explain looks for those of this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::ReportExportDialog</name>
    <message>
        <source>Summary (sources with SHA-256, time range, counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline of ACCEPTs and REJECTs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network interfaces graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings with their evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject explanations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident timeline (stars, tags, notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appendix: source files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Incident Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words for the title page: the ticket, the question, what was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analyst:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title page &amp;text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the first pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the case: section %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report cancelled: %1 was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first pages without their page numbers: reading the rest of the case, section %1 of %2 (%3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the case: section %1 of %2 (%3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview waits for the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 s</source>
        <comment>a section of the report and how long it has been read</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first pages as the PDF will print them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::SchemaCheck</name>
    <message>
        <source>a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a table `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the table `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an index `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an index `%1` on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index `%1` on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trigger `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trigger `%1` on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the trigger `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the trigger `%1` on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a view `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the view `%1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds a column `%1` in table `%2` that Flowscope does not make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds the column `%1` of table `%2` as `%3` where Flowscope makes `%4`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lacks the column `%1` of table `%2`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds %1 altered: `%2` where Flowscope makes `%3`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds %1 where Flowscope makes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds %1 that Flowscope does not make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lacks %1 that a case of format %2 holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: the case %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; it %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; and %n more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (it may have been tampered with; open only cases from a trusted source)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::ShownRecordsLabel</name>
    <message>
        <source>Records shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtering… at least %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first matches are shown while the rest are counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown: all %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown: %1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records the filter matches, of all records in the case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::SnapshotListDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration Snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each record is explained with the snapshot in force at its time (the newest taken at or before it, else the oldest). Removing a snapshot removes its files from the case; the explanations then use the snapshots left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove configuration snapshot %1 (%2) and its files from the case?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::SnapshotListModel</name>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::SnapshotLoadDialog</name>
    <message>
        <source>Load Configuration Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest file&apos;s modification time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the names of the files and folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Taken at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add describe-* Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS CLI JSON (*.json *.json.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Folder of describe-* Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 8601, UTC unless a zone is given, e.g. 2026-03-01T09:00:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1 (%2). Give the time it was taken above if you know it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON that aws ec2 describe-security-groups, describe-network-acls, describe-network-interfaces, describe-subnets, describe-vpcs, describe-route-tables, describe-instances, describe-security-group-rules, describe-prefix-lists, describe-managed-prefix-lists and get-managed-prefix-list-entries print (.json or .json.gz, any names). The snapshot is stored in the case; a bad file refuses it whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Configuration Snapshot into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load into %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::SnapshotLoadReport</name>
    <message>
        <source>error: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration snapshot was not loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the configuration snapshot was cancelled; the case is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The configuration snapshot was refused, and the case is unchanged: %n error(s), the first: %1</source>
        <translation>
            <numerusform>The configuration snapshot was refused, and the case is unchanged: %n error: %1</numerusform>
            <numerusform>The configuration snapshot was refused, and the case is unchanged: %n errors, the first: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Configuration snapshot %1 (%2), as of %3, loaded from %n file(s): %4.</source>
        <translation>
            <numerusform>Configuration snapshot %1 (%2), as of %3, loaded from %n file: %4.</numerusform>
            <numerusform>Configuration snapshot %1 (%2), as of %3, loaded from %n files: %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) it cannot resolve: explanations that need them are inconclusive.</source>
        <translation>
            <numerusform>%n reference it cannot resolve: explanations that need it are inconclusive.</numerusform>
            <numerusform>%n references it cannot resolve: explanations that need them are inconclusive.</numerusform>
        </translation>
    </message>
    <message>
        <source>It was %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration snapshot was not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The configuration snapshot was refused: %n error(s).</source>
        <translation>
            <numerusform>The configuration snapshot was refused: %n error.</numerusform>
            <numerusform>The configuration snapshot was refused: %n errors.</numerusform>
        </translation>
    </message>
    <message>
        <source>Configuration snapshot %1 loaded, as of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unresolved reference(s).</source>
        <translation>
            <numerusform>%n unresolved reference.</numerusform>
            <numerusform>%n unresolved references.</numerusform>
        </translation>
    </message>
    <message>
        <source>Far from the records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::TimelineLoader</name>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::TimelinePlot</name>
    <message>
        <source>ACCEPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REJECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACCEPT: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REJECT: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKIPDATA (records skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n markers</source>
        <translation>
            <numerusform>%n marker</numerusform>
            <numerusform>%n markers</numerusform>
        </translation>
    </message>
    <message>
        <source>Quiet (NODATA, no records)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey: interfaces reported NODATA (no traffic in their capture window) and no record of the filter falls here. Quiet, not lost evidence. An interface that is idle while others carry traffic is normal and not shaded; a bucket&apos;s tooltip names the interfaces that reported NODATA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amber: interfaces reported SKIPDATA. The flow log service skipped records (capacity or an internal error), so evidence may be missing here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hatched: a file removed from the case (Remove File from Case) held records here. Its evidence is no longer in the case; import the file again to fill the hole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from the case: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKIPDATA (none shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has SKIPDATA records, but none from the interfaces of the filter&apos;s records in this range: nothing here is shaded amber.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::TimelineView</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the bars count: flows by their start, or bytes and packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket width: Auto follows the zoom, from 1 second to 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share a record&apos;s bytes and packets among the buckets its time span covers (off: all in the bucket it starts in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole range (Home, or double-click the plot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records with a time in this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records with a time match the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buckets of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) without a start time not shown</source>
        <translation>
            <numerusform>%n record without a start time not shown</numerusform>
            <numerusform>%n records without a start time not shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ACCEPT or REJECT records match the filter here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter&apos;s time window (shaded) keeps every record whose time span overlaps it, including records that start before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: records overlapping it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (spread over the buckets a record spans)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metric: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buckets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: every record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 – %5 %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::TrafficStatsDisplayModel</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IANA protocol %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::TrafficStatsModel</name>
    <message>
        <source>Address A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::TrafficStatsView</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations by Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints by Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints by Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address pairs, whichever way the traffic flowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address pairs with the protocol and the service port (the lower port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every address, with the flows it sent or received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every network interface (ENI) that logged flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; double-click a row to filter on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom %1 of %2 %3 by rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top %1 of %2 %3 by rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earliest %1 of %2 %3 by first seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest %1 of %2 %3 by first seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earliest %1 of %2 %3 by last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest %1 of %2 %3 by last seen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::UnansweredRequestsModel</name>
    <message>
        <source>No route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter is not valid at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to show its records: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rule %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence (click to go to a record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules along the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caveats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a REJECT record in the flow table to see why it was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A security group denied it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network ACL denied it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A security group and a network ACL both deny it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A security group or a network ACL denied it: the flow records alone cannot tell which.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC Block Public Access rejected it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inconclusive: what is known does not decide it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not explained: the configuration snapshot allows this flow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was accepted. Select a REJECT record to see why it was rejected (the filter action == reject shows only those).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of its %1 security groups (%2) admits it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by the configuration snapshot taken %1, at the record&apos;s time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by the configuration snapshot taken %1, %2 before the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by the configuration snapshot taken %1, %2 after the record (no older snapshot is loaded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the flow records alone. Load a configuration snapshot (the describe-* output of the AWS CLI) to name the group or the ACL rule that decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the flow records alone: the case&apos;s configuration snapshots do not decide this flow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence: no request, reply or record at the other end found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejects of this interface near it carry the caveat that a counterpart may be missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by the record itself: its reject-reason is BPA (VPC Block Public Access).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record has no action (its flow log does not record one), so there is no verdict to give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is a %1 report, a gap in logging rather than a flow: %2. It has no action, so there is no verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply as Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare as Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explaining %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explaining the record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explains %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record explained (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record could not be explained: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is not a REJECT of this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This filter shows it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>evidence role (record identity)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The flow %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security groups admit only what one of their rules allows, and no %1 rule of these groups allows %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a reply, but the groups did not admit its request, so it is judged as new traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) came close (in italics under Rules along the path).</source>
        <translation>
            <numerusform>%n rule came close (in italics under Rules along the path).</numerusform>
            <numerusform>%n rules came close (in italics under Rules along the path).</numerusform>
        </translation>
    </message>
    <message>
        <source>Network ACLs take their rules in number order and the first match decides: the first %1 rule of subnet %2 matching %3 %4 is rule %5, a deny.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This packet is the reply of a request, and network ACLs are stateless: replies need a rule of their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed at %2 UTC by %3: %4, before this reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CloudTrail event %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowscope::explain::SnapshotTimeline</name>
    <message numerus="yes">
        <source>%1 years</source>
        <translation>
            <numerusform>%1 years</numerusform>
            <numerusform>%1 years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 months</source>
        <translation>
            <numerusform>%1 months</numerusform>
            <numerusform>%1 months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 weeks</source>
        <translation>
            <numerusform>%1 weeks</numerusform>
            <numerusform>%1 weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 days</source>
        <translation>
            <numerusform>%1 days</numerusform>
            <numerusform>%1 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>taken %1 after the case&apos;s last record: explanations of earlier records may not match the configuration then</source>
        <translation>
            <numerusform>taken %1 after the case&apos;s last record: explanations of earlier records may not match the configuration then</numerusform>
            <numerusform>taken %1 after the case&apos;s last record: explanations of earlier records may not match the configuration then</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>taken %1 before the case&apos;s first record: explanations of later records may not match the configuration then</source>
        <translation>
            <numerusform>taken %1 before the case&apos;s first record: explanations of later records may not match the configuration then</numerusform>
            <numerusform>taken %1 before the case&apos;s first record: explanations of later records may not match the configuration then</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Investigation workbench for AWS VPC Flow Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case file to open (default: the demo case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot build the demo case: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start without opening a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display filter to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expression</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
