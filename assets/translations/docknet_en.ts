<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>docknet::gui::MainWindow</name>
    <message>
        <source>About docknet</source>
        <translation>About docknet</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;docknet&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;A Docker network simulator: bridges, veth pairs, NAT and DNS, shown packet by packet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;docknet&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;A Docker network simulator: bridges, veth pairs, NAT and DNS, shown packet by packet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Quit docknet</source>
        <translation>Quit docknet</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About docknet</source>
        <translation>&amp;About docknet</translation>
    </message>
    <message>
        <source>Show the version and what docknet is</source>
        <translation>Show the version and what docknet is</translation>
    </message>
    <message>
        <source>docknet — Docker network lab</source>
        <translation>docknet — Docker network lab</translation>
    </message>
    <message>
        <source>No topology yet: run a lab or type docker commands</source>
        <translation>No topology yet: run a lab or type docker commands</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n node(s) in the topology</source>
        <translation>
            <numerusform>Ready: %n node in the topology</numerusform>
            <numerusform>Ready: %n nodes in the topology</numerusform>
        </translation>
    </message>
</context>
</TS>
