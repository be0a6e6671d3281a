<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FlowTableModel</name>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 files, %2 records: %3</source>
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
        <source>%1 records</source>
        <translation type="unfinished"></translation>
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
</context>
</TS>
