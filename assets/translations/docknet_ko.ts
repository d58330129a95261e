<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>EventExplainer</name>
    <message>
        <source>the host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>dropped: DOCKER-ISOLATION-STAGE-2, the packet came from another bridge (Docker keeps its networks apart).</source>
        <translation>폐기됨: DOCKER-ISOLATION-STAGE-2. 다른 브리지에서 온 패킷입니다 (Docker는 네트워크끼리 서로 분리합니다).</translation>
    </message>
    <message>
        <source>dropped: an iptables filter rule discarded the packet.</source>
        <translation>폐기됨: iptables filter 규칙이 패킷을 버렸습니다.</translation>
    </message>
    <message>
        <source>dropped: the iptables filter table discarded the packet (%1).</source>
        <translation>폐기됨: iptables filter 테이블이 패킷을 버렸습니다 (%1).</translation>
    </message>
    <message>
        <source>%1 has no route that matches %2, so the packet cannot be sent (Network is unreachable).</source>
        <translation>%1에는 %2에 맞는 경로(route)가 없어서 패킷을 보낼 수 없습니다 (Network is unreachable).</translation>
    </message>
    <message>
        <source>%2 is one of %1&apos;s own addresses, so the packet stays inside %1 (through lo).</source>
        <translation>%2은(는) %1 자신의 주소 중 하나이므로, 패킷은 %1 안에 머뭅니다 (lo를 거칩니다).</translation>
    </message>
    <message>
        <source>%1 has no directly connected network holding %2, so the route sends the packet to the gateway %3 out of %4.</source>
        <translation>%2이(가) 속한 네트워크가 %1에 직접 연결되어 있지 않습니다. 그래서 경로(route)에 따라 패킷을 게이트웨이 %3에게 보내고, 패킷은 %4(으)로 나갑니다.</translation>
    </message>
    <message>
        <source>%2 is on a network directly connected to %1&apos;s %3, so the packet goes straight out of %3.</source>
        <translation>%2은(는) %1의 %3에 직접 연결된 네트워크에 있으므로, 패킷은 %3(으)로 곧바로 나갑니다.</translation>
    </message>
    <message>
        <source>Its source address is %1, the address %2 has on that network.</source>
        <translation>출발지 주소는 %1입니다. %2이(가) 그 네트워크에서 가진 주소입니다.</translation>
    </message>
    <message>
        <source>%1: DNAT %2 → %3</source>
        <translation>%1: DNAT %2 → %3</translation>
    </message>
    <message>
        <source>%1: DNAT %2 → %3 (rule in %4 chain)</source>
        <translation>%1: DNAT %2 → %3 (%4 체인의 규칙)</translation>
    </message>
    <message>
        <source>The packet was addressed to a published port, so Docker&apos;s rule sends it on to the container; conntrack remembers this for the rest of the connection.</source>
        <translation>패킷이 공개(publish)된 포트로 왔으므로 Docker의 규칙이 패킷을 컨테이너로 넘깁니다. conntrack은 연결이 끝날 때까지 이 변환을 기억합니다.</translation>
    </message>
    <message>
        <source>POSTROUTING: SNAT %1 → %2</source>
        <translation>POSTROUTING: SNAT %1 → %2</translation>
    </message>
    <message>
        <source>The container&apos;s private source address is replaced by the host&apos;s (MASQUERADE), so the replies can find their way back.</source>
        <translation>컨테이너의 사설 출발지 주소를 호스트의 주소로 바꿉니다 (MASQUERADE). 그래야 응답이 돌아올 길을 찾을 수 있습니다.</translation>
    </message>
    <message>
        <source>conntrack undoes the NAT on a reply: %1 → %2.</source>
        <translation>conntrack이 응답 패킷의 NAT를 되돌립니다: %1 → %2.</translation>
    </message>
    <message>
        <source>The reply belongs to a connection that was translated, so its address is turned back to what the other side expects.</source>
        <translation>이 응답은 주소가 변환된 연결에 속하므로, 주소를 상대방이 기대하는 값으로 되돌립니다.</translation>
    </message>
    <message>
        <source>NAT rewrote the packet: %1</source>
        <translation>NAT가 패킷을 고쳐 썼습니다: %1</translation>
    </message>
    <message>
        <source>The rule: %1</source>
        <translation>규칙: %1</translation>
    </message>
    <message>
        <source>%2 is %1&apos;s own address, so the packet goes up to its own stack.</source>
        <translation>%2은(는) %1 자신의 주소이므로, 패킷은 자신의 네트워크 스택으로 올라갑니다.</translation>
    </message>
    <message>
        <source>It is an echo request: the kernel&apos;s ICMP responder answers it with an echo reply.</source>
        <translation>에코 요청(echo request)입니다. 커널의 ICMP 응답기가 에코 응답(echo reply)으로 답합니다.</translation>
    </message>
    <message>
        <source>It is an echo reply: the ping program that sent the request gets it.</source>
        <translation>에코 응답(echo reply)입니다. 요청을 보냈던 ping 프로그램이 받습니다.</translation>
    </message>
    <message>
        <source>It is an ICMP error: it goes to the socket whose packet caused it.</source>
        <translation>ICMP 오류입니다. 오류를 일으킨 패킷을 보낸 소켓으로 전달됩니다.</translation>
    </message>
    <message>
        <source>The socket on port %1 receives it.</source>
        <translation>포트 %1의 소켓이 받습니다.</translation>
    </message>
    <message>
        <source>dropped: %1 has no route to %2 (Network is unreachable).</source>
        <translation>폐기됨: %1에는 %2(으)로 가는 경로가 없습니다 (Network is unreachable).</translation>
    </message>
    <message>
        <source>dropped: nobody answered the ARP requests for the next hop, so the packet to %1 that waited for its MAC is thrown away (Host unreachable).</source>
        <translation>폐기됨: 다음 홉(next hop)에 대한 ARP 요청에 아무도 답하지 않았습니다. 그래서 MAC을 기다리던 %1 행 패킷을 버립니다 (Host unreachable).</translation>
    </message>
    <message>
        <source>dropped: nothing listens on port %1 in %2, so the kernel answers with a refusal (TCP RST or ICMP port unreachable).</source>
        <translation>폐기됨: %2에서 포트 %1을(를) 기다리는(listen) 프로그램이 없으므로, 커널이 거부 응답을 보냅니다 (TCP RST 또는 ICMP port unreachable).</translation>
    </message>
    <message>
        <source>dropped: nothing in %1 listens for this packet, so the kernel refuses it.</source>
        <translation>폐기됨: %1에서 이 패킷을 기다리는(listen) 프로그램이 없으므로, 커널이 패킷을 거부합니다.</translation>
    </message>
    <message>
        <source>dropped: %1 (or the other end of its cable) is down, so the frame cannot pass.</source>
        <translation>폐기됨: %1(또는 케이블의 반대쪽 끝)이 down 상태라서 프레임이 지나갈 수 없습니다.</translation>
    </message>
    <message>
        <source>dropped: the packet&apos;s TTL ran out while %1 forwarded it, so %1 sends back ICMP time exceeded.</source>
        <translation>폐기됨: %1이(가) 패킷을 포워딩하는 동안 TTL이 다 떨어졌습니다. 그래서 %1이(가) ICMP time exceeded를 돌려보냅니다.</translation>
    </message>
    <message>
        <source>dropped: the frame is addressed to another MAC than %1&apos;s, so %2 ignores it (PACKET_OTHERHOST).</source>
        <translation>폐기됨: 프레임의 목적지가 %1의 MAC이 아닌 다른 MAC이므로, %2은(는) 프레임을 무시합니다 (PACKET_OTHERHOST).</translation>
    </message>
    <message>
        <source>dropped: too many packets were waiting for the same MAC (3 at most), so the oldest is thrown away.</source>
        <translation>폐기됨: 같은 MAC을 기다리는 패킷이 너무 많아서 (최대 3개), 가장 오래된 패킷을 버립니다.</translation>
    </message>
    <message>
        <source>dropped: ip_forward is off in %1, so it does not route packets between its interfaces.</source>
        <translation>폐기됨: %1에서 ip_forward가 꺼져 있어서, 인터페이스 사이에서 패킷을 라우팅하지 않습니다.</translation>
    </message>
    <message>
        <source>dropped: the destination MAC is behind the port the frame came in on (%1), so the bridge does not send it back.</source>
        <translation>폐기됨: 목적지 MAC이 프레임이 들어온 포트(%1) 뒤에 있으므로, 브리지는 프레임을 그쪽으로 되돌려 보내지 않습니다.</translation>
    </message>
    <message>
        <source>dropped: %1</source>
        <translation>폐기됨: %1</translation>
    </message>
    <message>
        <source>%1 (a broadcast)</source>
        <translation>%1 (브로드캐스트)</translation>
    </message>
    <message>
        <source>The frame carries: %1.</source>
        <translation>프레임에 담긴 내용: %1.</translation>
    </message>
    <message>
        <source>%1 sends the frame through its loopback interface %2: it comes back into %1 itself.</source>
        <translation>%1이(가) 루프백 인터페이스 %2(으)로 프레임을 보냅니다. 프레임은 %1 자신에게 다시 들어옵니다.</translation>
    </message>
    <message>
        <source>%1 sends the frame on the bridge %2: the bridge decides which port it leaves by.</source>
        <translation>%1이(가) 브리지 %2에 프레임을 보냅니다. 어느 포트로 내보낼지는 브리지가 정합니다.</translation>
    </message>
    <message>
        <source>%1&apos;s %2 sends the frame into its veth cable; it comes out at %3 on %4.</source>
        <translation>%1의 %2이(가) 프레임을 veth 케이블로 보냅니다. 프레임은 %4의 %3에서 나옵니다.</translation>
    </message>
    <message>
        <source>%1&apos;s %2 sends the frame.</source>
        <translation>%1의 %2이(가) 프레임을 보냅니다.</translation>
    </message>
    <message>
        <source>%1 receives the frame on %2.</source>
        <translation>%1이(가) %2에서 프레임을 받습니다.</translation>
    </message>
    <message>
        <source>%1 is a port of the bridge %2, so the bridge handles the frame next.</source>
        <translation>%1은(는) 브리지 %2의 포트이므로, 다음에는 브리지가 프레임을 처리합니다.</translation>
    </message>
    <message>
        <source>The bridge passes a copy up to %1&apos;s own network stack on %2: the frame is for the bridge&apos;s MAC or for everyone.</source>
        <translation>브리지가 %2에서 %1 자신의 네트워크 스택으로 사본을 올려 보냅니다. 프레임이 브리지의 MAC으로 왔거나 모두에게 보낸 것이기 때문입니다.</translation>
    </message>
    <message>
        <source>It is a broadcast, so %1 takes it up like everyone on the link.</source>
        <translation>브로드캐스트이므로, %1도 링크 위의 다른 모두와 마찬가지로 프레임을 받아들입니다.</translation>
    </message>
    <message>
        <source>It is addressed to %1&apos;s MAC %2, so %3 takes it up.</source>
        <translation>%1의 MAC %2(으)로 보낸 프레임이므로, %3이(가) 받아들입니다.</translation>
    </message>
    <message>
        <source>%1 learned %2 on %3: frames for that MAC will go out of that port only.</source>
        <translation>%1이(가) %3에서 %2을(를) 학습했습니다. 이제 그 MAC으로 가는 프레임은 그 포트로만 나갑니다.</translation>
    </message>
    <message>
        <source>another port</source>
        <translation>다른 포트</translation>
    </message>
    <message>
        <source>The MAC was behind %1 before: the newest frame decides.</source>
        <translation>그 MAC은 전에는 %1 뒤에 있었습니다. 가장 최근 프레임을 기준으로 합니다.</translation>
    </message>
    <message>
        <source>%1 forgot %2: no frame came from it for the ageing time (300 s), so frames for it will be flooded again.</source>
        <translation>%1이(가) %2을(를) 잊었습니다. 에이징 시간(300초) 동안 그 MAC에서 프레임이 오지 않았으므로, 그 MAC으로 가는 프레임은 다시 플러딩됩니다.</translation>
    </message>
    <message>
        <source>%1 knows %2 is behind %3 (FDB), so it sends the frame out of that port only.</source>
        <translation>%1은(는) %2이(가) %3 뒤에 있다는 것을 알고 있으므로 (FDB), 프레임을 그 포트로만 내보냅니다.</translation>
    </message>
    <message>
        <source>%1 has not learned %2, so it floods the frame to every other port: %3.</source>
        <translation>%1은(는) %2을(를) 학습하지 않았으므로, 프레임을 다른 모든 포트로 플러딩합니다: %3.</translation>
    </message>
    <message>
        <source>%1 has not learned %2 yet, so it floods the frame to every other port: %3.</source>
        <translation>%1은(는) 아직 %2을(를) 학습하지 않았으므로, 프레임을 다른 모든 포트로 플러딩합니다: %3.</translation>
    </message>
    <message>
        <source>It came in on %1, so it does not go back out there.</source>
        <translation>프레임이 %1(으)로 들어왔으므로, 그쪽으로는 다시 내보내지 않습니다.</translation>
    </message>
    <message>
        <source>%1 checks that %2 is still at %3: it asks that MAC directly instead of everyone.</source>
        <translation>%1이(가) %2이(가) 아직 %3에 있는지 확인합니다. 모두에게 묻는 대신 그 MAC에게 직접 묻습니다.</translation>
    </message>
    <message>
        <source>%1 does not know the MAC of %2, so it asks everyone on the link: who has %2?</source>
        <translation>%1은(는) %2의 MAC을 모르므로, 링크 위의 모두에게 묻습니다: 누가 %2을(를) 가지고 있습니까?</translation>
    </message>
    <message>
        <source>The packets for %1 wait in the neighbour entry&apos;s queue until the answer comes.</source>
        <translation>%1(으)로 가는 패킷은 답이 올 때까지 이웃 항목(neighbour entry)의 큐에서 기다립니다.</translation>
    </message>
    <message>
        <source>%1 has %2, so it answers %3 directly: %2 is at %4.</source>
        <translation>%1이(가) %2을(를) 가지고 있으므로 %3에게 직접 답합니다: %2은(는) %4에 있습니다.</translation>
    </message>
    <message>
        <source>%1 has %2, so it answers the asker directly: %2 is at %3.</source>
        <translation>%1이(가) %2을(를) 가지고 있으므로 물어본 쪽에 직접 답합니다: %2은(는) %3에 있습니다.</translation>
    </message>
    <message>
        <source>It also noted the asker&apos;s MAC from the request, so it can answer without asking back.</source>
        <translation>요청에서 물어본 쪽의 MAC도 기록해 두었으므로, 되묻지 않고 바로 답할 수 있습니다.</translation>
    </message>
    <message>
        <source>INCOMPLETE means the MAC is being asked for; packets to it wait.</source>
        <translation>INCOMPLETE는 MAC을 물어보는 중이라는 뜻입니다. 그 주소로 가는 패킷은 기다립니다.</translation>
    </message>
    <message>
        <source>REACHABLE means the MAC is known and was confirmed just now; packets go out at once.</source>
        <translation>REACHABLE은 MAC을 알고 있고 방금 확인되었다는 뜻입니다. 패킷은 바로 나갑니다.</translation>
    </message>
    <message>
        <source>STALE means the MAC is known but not confirmed lately; it is still used, and checked when it is.</source>
        <translation>STALE은 MAC을 알고 있지만 최근에 확인되지 않았다는 뜻입니다. 그래도 계속 사용되며, 사용될 때 확인합니다.</translation>
    </message>
    <message>
        <source>DELAY means a stale entry was just used; the kernel waits 5 s for a sign of life before it probes.</source>
        <translation>DELAY는 오래된(stale) 항목이 방금 사용되었다는 뜻입니다. 커널은 프로브하기 전에 5초 동안 살아 있다는 신호를 기다립니다.</translation>
    </message>
    <message>
        <source>PROBE means the kernel asks the known MAC directly whether it is still there.</source>
        <translation>PROBE는 커널이 알고 있는 MAC에게 아직 거기 있는지 직접 묻고 있다는 뜻입니다.</translation>
    </message>
    <message>
        <source>FAILED means nobody answered; packets to that address are dropped (Host unreachable).</source>
        <translation>FAILED는 아무도 답하지 않았다는 뜻입니다. 그 주소로 가는 패킷은 버려집니다 (Host unreachable).</translation>
    </message>
    <message>
        <source>PERMANENT means the entry was set by hand and never expires.</source>
        <translation>PERMANENT는 사람이 직접 설정한 항목이라는 뜻입니다. 만료되지 않습니다.</translation>
    </message>
    <message>
        <source>%1 means the entry is not in use.</source>
        <translation>%1은(는) 사용 중이 아닌 항목이라는 뜻입니다.</translation>
    </message>
    <message>
        <source>%1&apos;s neighbour entry for %2 goes %3 → %4: %5</source>
        <translation>%1에서 %2에 대한 이웃 항목이 %3 → %4(으)로 바뀝니다: %5</translation>
    </message>
    <message>
        <source>Packets for %1 now go to the MAC %2 on %3.</source>
        <translation>이제 %1(으)로 가는 패킷은 %3의 MAC %2(으)로 갑니다.</translation>
    </message>
</context>
<context>
    <name>FrameDissector</name>
    <message>
        <source>&lt;Root&gt;</source>
        <translation>&lt;루트&gt;</translation>
    </message>
    <message>
        <source>response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>standard query</source>
        <translation>표준 질의</translation>
    </message>
    <message>
        <source>recursion desired</source>
        <translation>재귀 요청</translation>
    </message>
    <message>
        <source>recursion available</source>
        <translation>재귀 가능</translation>
    </message>
    <message>
        <source>no error</source>
        <translation>오류 없음</translation>
    </message>
    <message>
        <source>no such name</source>
        <translation>해당 이름 없음</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>오류 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>%1: type %2, class %3</source>
        <translation>%1: 유형 %2, 클래스 %3</translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation>유효 시간 (TTL)</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Data length</source>
        <translation>데이터 길이</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>, addr %1</source>
        <translation>, 주소 %1</translation>
    </message>
    <message>
        <source>[malformed]</source>
        <translation>[잘못된 형식]</translation>
    </message>
    <message>
        <source>Domain name</source>
        <translation>도메인 이름</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>Domain Name System</source>
        <translation>Domain Name System</translation>
    </message>
    <message>
        <source>Domain Name System (response)</source>
        <translation>Domain Name System (응답)</translation>
    </message>
    <message>
        <source>Domain Name System (query)</source>
        <translation>Domain Name System (질의)</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>트랜잭션 ID</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>플래그</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>질문 수 (Questions)</translation>
    </message>
    <message>
        <source>Answer RRs</source>
        <translation>응답 RR 수 (Answer RRs)</translation>
    </message>
    <message>
        <source>Authority RRs</source>
        <translation>권한 RR 수 (Authority RRs)</translation>
    </message>
    <message>
        <source>Additional RRs</source>
        <translation>추가 RR 수 (Additional RRs)</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>질의 (Queries)</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>응답 (Answers)</translation>
    </message>
    <message>
        <source>[Truncated]</source>
        <translation>[잘림]</translation>
    </message>
    <message>
        <source>the frame ends before this header does</source>
        <translation>이 헤더가 끝나기 전에 프레임이 끝납니다</translation>
    </message>
    <message>
        <source>Echo (ping) reply</source>
        <translation>에코 (ping) 응답</translation>
    </message>
    <message>
        <source>Destination unreachable</source>
        <translation>목적지 도달 불가 (Destination unreachable)</translation>
    </message>
    <message>
        <source>Echo (ping) request</source>
        <translation>에코 (ping) 요청</translation>
    </message>
    <message>
        <source>Time-to-live exceeded</source>
        <translation>TTL 초과 (Time-to-live exceeded)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Internet Control Message Protocol</source>
        <translation>Internet Control Message Protocol</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>체크섬</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>식별자</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>시퀀스 번호</translation>
    </message>
    <message>
        <source>Quoted packet</source>
        <translation>인용된 패킷</translation>
    </message>
    <message>
        <source>%1 bytes of the packet that caused the error</source>
        <translation>오류를 일으킨 패킷의 %1바이트</translation>
    </message>
    <message>
        <source>User Datagram Protocol</source>
        <translation>User Datagram Protocol</translation>
    </message>
    <message>
        <source>User Datagram Protocol, Src Port: %1, Dst Port: %2</source>
        <translation>User Datagram Protocol, 출발지 포트: %1, 목적지 포트: %2</translation>
    </message>
    <message>
        <source>Source port</source>
        <translation>출발지 포트</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>목적지 포트</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>Transmission Control Protocol</source>
        <translation>Transmission Control Protocol</translation>
    </message>
    <message>
        <source>Transmission Control Protocol, Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4</source>
        <translation>Transmission Control Protocol, 출발지 포트: %1, 목적지 포트: %2, Seq: %3, Ack: %4</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>확인 응답 번호 (Ack)</translation>
    </message>
    <message>
        <source>Header length</source>
        <translation>헤더 길이</translation>
    </message>
    <message>
        <source>%1 bytes (%2)</source>
        <translation>%1바이트 (%2)</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>윈도우</translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation>긴급 포인터</translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation>알 수 없음 (%1)</translation>
    </message>
    <message>
        <source>Address Resolution Protocol</source>
        <translation>Address Resolution Protocol</translation>
    </message>
    <message>
        <source>request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Address Resolution Protocol (%1)</source>
        <translation>Address Resolution Protocol (%1)</translation>
    </message>
    <message>
        <source>Hardware type</source>
        <translation>하드웨어 유형</translation>
    </message>
    <message>
        <source>Ethernet (1)</source>
        <translation>이더넷 (1)</translation>
    </message>
    <message>
        <source>Protocol type</source>
        <translation>프로토콜 유형</translation>
    </message>
    <message>
        <source>Hardware size</source>
        <translation>하드웨어 크기</translation>
    </message>
    <message>
        <source>Protocol size</source>
        <translation>프로토콜 크기</translation>
    </message>
    <message>
        <source>Opcode</source>
        <translation>동작 코드 (Opcode)</translation>
    </message>
    <message>
        <source>Sender MAC address</source>
        <translation>송신자 MAC 주소</translation>
    </message>
    <message>
        <source>Sender IP address</source>
        <translation>송신자 IP 주소</translation>
    </message>
    <message>
        <source>Target MAC address</source>
        <translation>대상 MAC 주소</translation>
    </message>
    <message>
        <source>Target IP address</source>
        <translation>대상 IP 주소</translation>
    </message>
    <message>
        <source>Don&apos;t fragment</source>
        <translation>단편화 금지 (Don&apos;t fragment)</translation>
    </message>
    <message>
        <source>More fragments</source>
        <translation>추가 단편 있음 (More fragments)</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>올바름</translation>
    </message>
    <message>
        <source>incorrect</source>
        <translation>잘못됨</translation>
    </message>
    <message>
        <source>Internet Protocol Version 4</source>
        <translation>Internet Protocol Version 4</translation>
    </message>
    <message>
        <source>Internet Protocol Version 4, Src: %1, Dst: %2</source>
        <translation>Internet Protocol Version 4, 출발지: %1, 목적지: %2</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Differentiated services</source>
        <translation>차등 서비스 (Differentiated services)</translation>
    </message>
    <message>
        <source>Total length</source>
        <translation>전체 길이</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>식별 번호 (Identification)</translation>
    </message>
    <message>
        <source>Fragment offset</source>
        <translation>단편 오프셋 (Fragment offset)</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>Header checksum</source>
        <translation>헤더 체크섬</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>출발지 주소</translation>
    </message>
    <message>
        <source>Destination address</source>
        <translation>목적지 주소</translation>
    </message>
    <message>
        <source>Ethernet II</source>
        <translation>Ethernet II</translation>
    </message>
    <message>
        <source>Ethernet II, Src: %1, Dst: %2</source>
        <translation>Ethernet II, 출발지: %1, 목적지: %2</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>목적지 (Destination)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출발지 (Source)</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Interfaces</source>
        <translation>인터페이스</translation>
    </message>
    <message>
        <source>ARP</source>
        <translation>ARP</translation>
    </message>
    <message>
        <source>FDB</source>
        <translation>FDB</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>라우팅</translation>
    </message>
    <message>
        <source>iptables nat</source>
        <translation>iptables nat</translation>
    </message>
    <message>
        <source>iptables filter</source>
        <translation>iptables filter</translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation>소켓</translation>
    </message>
    <message>
        <source>Conntrack</source>
        <translation>Conntrack</translation>
    </message>
    <message>
        <source>/etc/hosts</source>
        <translation>/etc/hosts</translation>
    </message>
    <message>
        <source>/etc/resolv.conf</source>
        <translation>/etc/resolv.conf</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>게이트웨이</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출발지</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>체인</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>로컬</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>원래 방향</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>응답 방향</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>응답 받음</translation>
    </message>
    <message>
        <source>Expires (s)</source>
        <translation>만료 (초)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Last seen (s)</source>
        <translation>마지막 확인 (초)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>인스펙터</translation>
    </message>
    <message>
        <source>Inspector · %1</source>
        <translation>인스펙터 · %1</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>패킷</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
</context>
<context>
    <name>docknet::gui::ConsoleWidget</name>
    <message>
        <source>(this is the simulated host&apos;s shell: close the window to quit)</source>
        <translation>(시뮬레이션된 호스트의 셸입니다. 창을 닫으면 종료됩니다)</translation>
    </message>
</context>
<context>
    <name>docknet::gui::EventDetailsView</name>
    <message>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>This event carries no frame.</source>
        <translation>이 이벤트에는 프레임이 없습니다.</translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>선택된 이벤트 없음</translation>
    </message>
    <message>
        <source>Event #%1 · %2 s · %3 · %4</source>
        <translation>이벤트 #%1 · %2초 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>docknet::gui::EventListModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>시간 (초)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>정보</translation>
    </message>
</context>
<context>
    <name>docknet::gui::KernelPanel</name>
    <message>
        <source>Build this Docker host in real Linux network namespaces (docknet-host, docknet-router and one docknet-&amp;lt;container&amp;gt; each), run the same pings and TCP connects there, and compare the kernel&apos;s neighbour tables and bridge FDBs with the simulation. Needs root; the machine&apos;s own network is not touched. Afterwards: &lt;code&gt;ip netns exec docknet-&amp;lt;container&amp;gt; ip neigh&lt;/code&gt;.</source>
        <translation>이 도커 호스트를 실제 리눅스 네트워크 네임스페이스(docknet-host, docknet-router, 컨테이너마다 docknet-&amp;lt;컨테이너&amp;gt;)로 만들고, 같은 ping과 TCP 연결을 실행한 뒤, 커널의 이웃 테이블과 브리지 FDB를 시뮬레이션과 비교합니다. root 권한이 필요하며, 이 컴퓨터 자체의 네트워크는 건드리지 않습니다. 그 다음에는: &lt;code&gt;ip netns exec docknet-&amp;lt;컨테이너&amp;gt; ip neigh&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Apply to kernel and verify</source>
        <translation>커널에 적용하고 검증</translation>
    </message>
    <message>
        <source>Remove from kernel</source>
        <translation>커널에서 제거</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>What</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Simulation · kernel</source>
        <translation>시뮬레이션 · 커널</translation>
    </message>
    <message>
        <source>Not available here: %1</source>
        <translation>여기서는 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>replaying the session</source>
        <translation>세션 다시 실행 중</translation>
    </message>
    <message>
        <source>deriving the kernel plan</source>
        <translation>커널 계획 만드는 중</translation>
    </message>
    <message>
        <source>building the namespaces</source>
        <translation>네임스페이스 만드는 중</translation>
    </message>
    <message>
        <source>probing: pings, TCP connects, tables</source>
        <translation>확인 중: ping, TCP 연결, 테이블</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>%2단계 중 %1단계: %3</translation>
    </message>
    <message>
        <source>Apply to kernel</source>
        <translation>커널에 적용</translation>
    </message>
    <message numerus="yes">
        <source>docknet will create %n network namespace(s), all named docknet-*, with the bridges, veth pairs, addresses, routes and nftables rules of this host. It records each object before making it, so &quot;Remove from kernel&quot; (or `docknet real down`) removes all of it. Go on?</source>
        <translation>
            <numerusform>docknet이 이름이 모두 docknet-*인 네트워크 네임스페이스 %n개를 만들고, 이 호스트의 브리지, veth 쌍, 주소, 라우팅, nftables 규칙을 넣습니다. 만들기 전에 하나하나 기록해 두므로 "커널에서 제거"(또는 `docknet real down`)로 모두 지울 수 있습니다. 계속할까요?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) made, last: %1</source>
        <translation>
            <numerusform>%n개 만듦, 마지막: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>중단됨: %1</translation>
    </message>
    <message>
        <source>simulation: %1</source>
        <translation>시뮬레이션: %1</translation>
    </message>
    <message>
        <source>kernel: %1</source>
        <translation>커널: %1</translation>
    </message>
    <message numerus="yes">
        <source>Simulation and kernel agree on all %n row(s).</source>
        <translation>
            <numerusform>시뮬레이션과 커널이 %n개 항목 모두에서 일치합니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) between the simulation and the kernel:</source>
        <translation>
            <numerusform>시뮬레이션과 커널 사이에 차이가 %n개 있습니다:</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed everything docknet had made in the kernel.</source>
        <translation>docknet이 커널에 만든 것을 모두 지웠습니다.</translation>
    </message>
    <message>
        <source>Could not remove it all: %1</source>
        <translation>모두 지우지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>docknet::gui::LabPanel</name>
    <message>
        <source>no lab called &apos;%1&apos;</source>
        <translation>&apos;%1&apos;(이)라는 실습이 없습니다</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Type in the Console (click to fill in):</source>
        <translation>콘솔에 입력하세요 (클릭하면 채워집니다):</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>확인 항목</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답하기</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>힌트</translation>
    </message>
    <message>
        <source>Do it for me</source>
        <translation>대신 실행</translation>
    </message>
    <message>
        <source>Leave lab</source>
        <translation>실습 나가기</translation>
    </message>
    <message>
        <source>These lab files did not load:</source>
        <translation>다음 실습 파일을 읽지 못했습니다:</translation>
    </message>
    <message>
        <source>Guided labs</source>
        <translation>단계별 실습</translation>
    </message>
    <message>
        <source>Each lab walks through one part of Docker networking, checks every step and asks a question or two. Choose one and press Start.</source>
        <translation>실습마다 도커 네트워킹의 한 부분을 단계별로 따라가며, 단계마다 결과를 확인하고 질문을 한두 개 합니다. 하나를 골라 시작을 누르세요.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Without a lab the Console is free play: type any docker, ip, ping or iptables command and watch the canvas.&lt;/p&gt;</source>
        <translation>&lt;p&gt;실습 없이도 콘솔은 자유롭게 쓸 수 있습니다. docker, ip, ping, iptables 명령을 입력하고 그림이 어떻게 바뀌는지 보세요.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>약 %n분</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lab complete: %n step(s) done.</source>
        <translation>
            <numerusform>실습 완료: %n단계를 모두 마쳤습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Well done. The Console stays open: try your own commands on this host, or go on with the next lab.&lt;/p&gt;</source>
        <translation>&lt;p&gt;잘하셨습니다. 콘솔은 그대로 열려 있으니 이 호스트에서 직접 명령을 더 시험해 보거나, 다음 실습으로 넘어가세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Next lab ▶</source>
        <translation>다음 실습 ▶</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>%2단계 중 %1단계</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>힌트:</translation>
    </message>
    <message>
        <source>No hint for this step.</source>
        <translation>이 단계에는 힌트가 없습니다.</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>정답입니다.</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>아쉽네요.</translation>
    </message>
    <message>
        <source>The answer is %1.</source>
        <translation>정답은 %1입니다.</translation>
    </message>
    <message>
        <source>Next step ▶</source>
        <translation>다음 단계 ▶</translation>
    </message>
    <message>
        <source>Skip step</source>
        <translation>단계 건너뛰기</translation>
    </message>
    <message>
        <source>Check it on the real kernel</source>
        <translation>실제 커널에서 확인하기</translation>
    </message>
</context>
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
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About docknet</source>
        <translation>docknet 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Run a script</source>
        <translation>스크립트 실행</translation>
    </message>
    <message>
        <source>Shell scripts (*.sh);;All files (*)</source>
        <translation>셸 스크립트 (*.sh);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>스크립트</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>host network namespace</source>
        <translation>호스트 네트워크 네임스페이스</translation>
    </message>
    <message>
        <source>Internet · router %1</source>
        <translation>인터넷 · 라우터 %1</translation>
    </message>
    <message>
        <source>host network: no own IP, shares eth0</source>
        <translation>host 네트워크: 자체 IP 없이 eth0을 공유</translation>
    </message>
    <message>
        <source>network none: lo only</source>
        <translation>network none: lo만 있음</translation>
    </message>
    <message>
        <source>shares %1&apos;s network namespace</source>
        <translation>%1의 네트워크 네임스페이스를 공유</translation>
    </message>
    <message>
        <source>docker-proxy · DNAT</source>
        <translation>docker-proxy · DNAT</translation>
    </message>
    <message>
        <source>docker-proxy ×2 (+ [::]) · DNAT</source>
        <translation>docker-proxy ×2 (+ [::]) · DNAT</translation>
    </message>
    <message>
        <source>docker-proxy · no DNAT (IPv6)</source>
        <translation>docker-proxy · DNAT 없음 (IPv6)</translation>
    </message>
    <message>
        <source>&amp;Run script...</source>
        <translation>스크립트 실행(&amp;R)...</translation>
    </message>
    <message>
        <source>Export diagram as &amp;PNG...</source>
        <translation>다이어그램을 PNG로 내보내기(&amp;P)...</translation>
    </message>
    <message>
        <source>Export diagram as &amp;SVG...</source>
        <translation>다이어그램을 SVG로 내보내기(&amp;S)...</translation>
    </message>
    <message>
        <source>Save session as &amp;script...</source>
        <translation>세션을 스크립트로 저장(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>시뮬레이션(&amp;S)</translation>
    </message>
    <message>
        <source>Pause (F5)</source>
        <translation>일시 정지 (F5)</translation>
    </message>
    <message>
        <source>Play (F5)</source>
        <translation>재생 (F5)</translation>
    </message>
    <message>
        <source>Step back (F7)</source>
        <translation>한 단계 뒤로 (F7)</translation>
    </message>
    <message>
        <source>Step forward (F8)</source>
        <translation>한 단계 앞으로 (F8)</translation>
    </message>
    <message>
        <source>First event</source>
        <translation>첫 이벤트</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>마지막 이벤트</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>콘솔</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>이벤트 상세</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>인스펙터</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Console and events</source>
        <translation>콘솔과 이벤트</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>상세</translation>
    </message>
    <message>
        <source>Type a docker command in the Console, e.g. &lt;b&gt;docker exec nginx ping -c 1 172.17.0.2&lt;/b&gt;, then press &lt;b&gt;▶ Play&lt;/b&gt; in Events to watch every frame. Click a container or bridge to inspect its tables.</source>
        <translation>콘솔에 docker 명령을 입력해 보세요. 예: &lt;b&gt;docker exec nginx ping -c 1 172.17.0.2&lt;/b&gt;. 그런 다음 이벤트 창에서 &lt;b&gt;▶ 재생&lt;/b&gt;을 누르면 모든 프레임을 하나씩 볼 수 있습니다. 컨테이너나 브리지를 클릭하면 그 테이블을 살펴볼 수 있습니다.</translation>
    </message>
    <message>
        <source>When a command fails, this tells who is involved and why.</source>
        <translation>명령이 실패하면, 누가 관련되어 있고 왜 실패했는지 여기에서 알려 줍니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>컨테이너 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>이벤트 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Port %1 on the host is already published by container &lt;b&gt;%2&lt;/b&gt;: its docker-proxy holds it, and a host port goes to one container only. Publish another host port (-p 8081:%3) or remove %2.</source>
        <translation>호스트의 포트 %1은(는) 이미 컨테이너 &lt;b&gt;%2&lt;/b&gt;이(가) 공개(publish)하고 있습니다. 그 컨테이너의 docker-proxy가 포트를 잡고 있고, 호스트 포트 하나는 컨테이너 하나에만 연결됩니다. 다른 호스트 포트를 공개하거나 (-p 8081:%3) %2을(를) 제거하세요.</translation>
    </message>
    <message>
        <source>The port is already bound in the host&apos;s network namespace, by a published port&apos;s docker-proxy or a host-mode container. A host-mode container shares the host&apos;s ports, so its bind() fails with EADDRINUSE.</source>
        <translation>이 포트는 호스트의 네트워크 네임스페이스에서 이미 사용(bind) 중입니다. 공개된 포트의 docker-proxy나 host 모드 컨테이너가 쓰고 있습니다. host 모드 컨테이너는 호스트의 포트를 함께 쓰므로, bind()가 EADDRINUSE로 실패합니다.</translation>
    </message>
    <message>
        <source>A container called %1 already exists: names are unique on a Docker host. Remove it (docker rm -f %1) or choose another --name.</source>
        <translation>%1(이)라는 컨테이너가 이미 있습니다. Docker 호스트에서 컨테이너 이름은 겹칠 수 없습니다. 기존 컨테이너를 제거하거나 (docker rm -f %1) 다른 --name을 정하세요.</translation>
    </message>
    <message>
        <source>There is no network by that name: docker network ls lists the ones that exist, and docker network create NAME makes one.</source>
        <translation>그런 이름의 네트워크가 없습니다. docker network ls로 있는 네트워크를 볼 수 있고, docker network create NAME으로 새로 만들 수 있습니다.</translation>
    </message>
    <message>
        <source>These options cannot be combined: a container that shares another network namespace (host or container mode) cannot publish ports, set its own hostname or join networks of its own.</source>
        <translation>이 옵션들은 함께 쓸 수 없습니다. 다른 네트워크 네임스페이스를 공유하는 컨테이너(host 또는 container 모드)는 포트를 공개하거나, 자체 hostname을 정하거나, 자기만의 네트워크에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>The command failed: %1</source>
        <translation>명령이 실패했습니다: %1</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Export trace as p&amp;cap...</source>
        <translation>추적을 pcap으로 내보내기(&amp;C)...</translation>
    </message>
    <message>
        <source>La&amp;bs</source>
        <translation>실습(&amp;B)</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>실습</translation>
    </message>
    <message>
        <source>no lab is running</source>
        <translation>진행 중인 실습이 없습니다</translation>
    </message>
    <message>
        <source>the lab has steps 1 to %1, not %2</source>
        <translation>이 실습의 단계는 1부터 %1까지입니다 (%2단계는 없습니다)</translation>
    </message>
    <message>
        <source>&amp;Free play (the tutorial&apos;s opening state)</source>
        <translation>자유 실습(&amp;F) (튜토리얼의 처음 상태)</translation>
    </message>
    <message>
        <source>%1 (as of event #%2)</source>
        <translation>%1 (이벤트 #%2 시점)</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>Apply to &amp;kernel and verify...</source>
        <translation>커널에 적용하고 검증(&amp;K)...</translation>
    </message>
</context>
</TS>
