<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>docknet::gui::MainWindow</name>
    <message>
        <source>About docknet</source>
        <translation>docknet 정보</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;docknet&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;A Docker network simulator: bridges, veth pairs, NAT and DNS, shown packet by packet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;docknet&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Docker 네트워크 시뮬레이터: 브리지, veth 쌍, NAT, DNS가 동작하는 모습을 패킷 단위로 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit docknet</source>
        <translation>docknet 끝내기</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About docknet</source>
        <translation>docknet 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Show the version and what docknet is</source>
        <translation>docknet의 버전과 소개를 봅니다</translation>
    </message>
    <message>
        <source>docknet — Docker network lab</source>
        <translation>docknet — Docker 네트워크 실습실</translation>
    </message>
    <message>
        <source>No topology yet: run a lab or type docker commands</source>
        <translation>아직 토폴로지가 없습니다. 실습을 실행하거나 docker 명령을 입력하세요</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n node(s) in the topology</source>
        <translation>
            <numerusform>준비됨: 토폴로지의 노드 %n개</numerusform>
        </translation>
    </message>
</context>
</TS>
