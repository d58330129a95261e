<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>EventExplainer</name>
    <message>
        <source>the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: DOCKER-ISOLATION-STAGE-2, the packet came from another bridge (Docker keeps its networks apart).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: an iptables filter rule discarded the packet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: the iptables filter table discarded the packet (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no route that matches %2, so the packet cannot be sent (Network is unreachable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%2 is one of %1&apos;s own addresses, so the packet stays inside %1 (through lo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no directly connected network holding %2, so the route sends the packet to the gateway %3 out of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%2 is on a network directly connected to %1&apos;s %3, so the packet goes straight out of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its source address is %1, the address %2 has on that network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: DNAT %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: DNAT %2 → %3 (rule in %4 chain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packet was addressed to a published port, so Docker&apos;s rule sends it on to the container; conntrack remembers this for the rest of the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POSTROUTING: SNAT %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s private source address is replaced by the host&apos;s (MASQUERADE), so the replies can find their way back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conntrack undoes the NAT on a reply: %1 → %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply belongs to a connection that was translated, so its address is turned back to what the other side expects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAT rewrote the packet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%2 is %1&apos;s own address, so the packet goes up to its own stack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is an echo request: the kernel&apos;s ICMP responder answers it with an echo reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is an echo reply: the ping program that sent the request gets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is an ICMP error: it goes to the socket whose packet caused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The socket on port %1 receives it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: %1 has no route to %2 (Network is unreachable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: nobody answered the ARP requests for the next hop, so the packet to %1 that waited for its MAC is thrown away (Host unreachable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: nothing listens on port %1 in %2, so the kernel answers with a refusal (TCP RST or ICMP port unreachable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: nothing in %1 listens for this packet, so the kernel refuses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: %1 (or the other end of its cable) is down, so the frame cannot pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: the packet&apos;s TTL ran out while %1 forwarded it, so %1 sends back ICMP time exceeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: the frame is addressed to another MAC than %1&apos;s, so %2 ignores it (PACKET_OTHERHOST).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: too many packets were waiting for the same MAC (3 at most), so the oldest is thrown away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: ip_forward is off in %1, so it does not route packets between its interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: the destination MAC is behind the port the frame came in on (%1), so the bridge does not send it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (a broadcast)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame carries: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sends the frame through its loopback interface %2: it comes back into %1 itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sends the frame on the bridge %2: the bridge decides which port it leaves by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s %2 sends the frame into its veth cable; it comes out at %3 on %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s %2 sends the frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 receives the frame on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a port of the bridge %2, so the bridge handles the frame next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bridge passes a copy up to %1&apos;s own network stack on %2: the frame is for the bridge&apos;s MAC or for everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is a broadcast, so %1 takes it up like everyone on the link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is addressed to %1&apos;s MAC %2, so %3 takes it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 learned %2 on %3: frames for that MAC will go out of that port only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MAC was behind %1 before: the newest frame decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 forgot %2: no frame came from it for the ageing time (300 s), so frames for it will be flooded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 knows %2 is behind %3 (FDB), so it sends the frame out of that port only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not learned %2, so it floods the frame to every other port: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not learned %2 yet, so it floods the frame to every other port: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It came in on %1, so it does not go back out there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checks that %2 is still at %3: it asks that MAC directly instead of everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not know the MAC of %2, so it asks everyone on the link: who has %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packets for %1 wait in the neighbour entry&apos;s queue until the answer comes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2, so it answers %3 directly: %2 is at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2, so it answers the asker directly: %2 is at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It also noted the asker&apos;s MAC from the request, so it can answer without asking back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INCOMPLETE means the MAC is being asked for; packets to it wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REACHABLE means the MAC is known and was confirmed just now; packets go out at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STALE means the MAC is known but not confirmed lately; it is still used, and checked when it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DELAY means a stale entry was just used; the kernel waits 5 s for a sign of life before it probes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROBE means the kernel asks the known MAC directly whether it is still there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED means nobody answered; packets to that address are dropped (Host unreachable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PERMANENT means the entry was set by hand and never expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 means the entry is not in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s neighbour entry for %2 goes %3 → %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets for %1 now go to the MAC %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrameDissector</name>
    <message>
        <source>&lt;Root&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recursion desired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recursion available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: type %2, class %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, addr %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[malformed]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain Name System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain Name System (response)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain Name System (query)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer RRs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority RRs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additional RRs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Truncated]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the frame ends before this header does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Echo (ping) reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Echo (ping) request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time-to-live exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet Control Message Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quoted packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes of the packet that caused the error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User Datagram Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User Datagram Protocol, Src Port: %1, Dst Port: %2</source>
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
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transmission Control Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transmission Control Protocol, Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address Resolution Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address Resolution Protocol (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethernet (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender MAC address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target MAC address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More fragments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incorrect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet Protocol Version 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet Protocol Version 4, Src: %1, Dst: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differentiated services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragment offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header checksum</source>
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
        <source>Ethernet II</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethernet II, Src: %1, Dst: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FDB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iptables nat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iptables filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conntrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/etc/hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/etc/resolv.conf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector · %1</source>
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
</context>
<context>
    <name>docknet::gui::ConsoleWidget</name>
    <message>
        <source>(this is the simulated host&apos;s shell: close the window to quit)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docknet::gui::EventDetailsView</name>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event carries no frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event #%1 · %2 s · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docknet::gui::EventListModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docknet::gui::KernelPanel</name>
    <message>
        <source>Build this Docker host in real Linux network namespaces (docknet-host, docknet-router and one docknet-&amp;lt;container&amp;gt; each), run the same pings and TCP connects there, and compare the kernel&apos;s neighbour tables and bridge FDBs with the simulation. Needs root; the machine&apos;s own network is not touched. Afterwards: &lt;code&gt;ip netns exec docknet-&amp;lt;container&amp;gt; ip neigh&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to kernel and verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation · kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaying the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deriving the kernel plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>building the namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probing: pings, TCP connects, tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>docknet will create %n network namespace(s), all named docknet-*, with the bridges, veth pairs, addresses, routes and nftables rules of this host. It records each object before making it, so &quot;Remove from kernel&quot; (or `docknet real down`) removes all of it. Go on?</source>
        <translation>
            <numerusform>docknet will create %n network namespace, all named docknet-*, with the bridges, veth pairs, addresses, routes and nftables rules of this host. It records each object before making it, so "Remove from kernel" (or `docknet real down`) removes all of it. Go on?</numerusform>
            <numerusform>docknet will create %n network namespaces, all named docknet-*, with the bridges, veth pairs, addresses, routes and nftables rules of this host. It records each object before making it, so "Remove from kernel" (or `docknet real down`) removes all of it. Go on?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) made, last: %1</source>
        <translation>
            <numerusform>%n object made, last: %1</numerusform>
            <numerusform>%n objects made, last: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Simulation and kernel agree on all %n row(s).</source>
        <translation>
            <numerusform>Simulation and kernel agree on all %n row.</numerusform>
            <numerusform>Simulation and kernel agree on all %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) between the simulation and the kernel:</source>
        <translation>
            <numerusform>%n difference between the simulation and the kernel:</numerusform>
            <numerusform>%n differences between the simulation and the kernel:</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed everything docknet had made in the kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove it all: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>docknet::gui::LabPanel</name>
    <message>
        <source>no lab called &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type in the Console (click to fill in):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do it for me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These lab files did not load:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided labs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each lab walks through one part of Docker networking, checks every step and asks a question or two. Choose one and press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Without a lab the Console is free play: type any docker, ip, ping or iptables command and watch the canvas.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>about %n minute</numerusform>
            <numerusform>about %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lab complete: %n step(s) done.</source>
        <translation>
            <numerusform>Lab complete: %n step done.</numerusform>
            <numerusform>Lab complete: %n steps done.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Well done. The Console stays open: try your own commands on this host, or go on with the next lab.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next lab ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hint for this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check it on the real kernel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About docknet</source>
        <translation>&amp;About docknet</translation>
    </message>
    <message>
        <source>Run a script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shell scripts (*.sh);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host network namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet · router %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host network: no own IP, shares eth0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network none: lo only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shares %1&apos;s network namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker-proxy · DNAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker-proxy ×2 (+ [::]) · DNAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker-proxy · no DNAT (IPv6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run script...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export diagram as &amp;PNG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export diagram as &amp;SVG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save session as &amp;script...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step back (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step forward (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a docker command in the Console, e.g. &lt;b&gt;docker exec nginx ping -c 1 172.17.0.2&lt;/b&gt;, then press &lt;b&gt;▶ Play&lt;/b&gt; in Events to watch every frame. Click a container or bridge to inspect its tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a command fails, this tells who is involved and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n container</numerusform>
            <numerusform>%n containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Port %1 on the host is already published by container &lt;b&gt;%2&lt;/b&gt;: its docker-proxy holds it, and a host port goes to one container only. Publish another host port (-p 8081:%3) or remove %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port is already bound in the host&apos;s network namespace, by a published port&apos;s docker-proxy or a host-mode container. A host-mode container shares the host&apos;s ports, so its bind() fails with EADDRINUSE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container called %1 already exists: names are unique on a Docker host. Remove it (docker rm -f %1) or choose another --name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no network by that name: docker network ls lists the ones that exist, and docker network create NAME makes one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These options cannot be combined: a container that shares another network namespace (host or container mode) cannot publish ports, set its own hostname or join networks of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export trace as p&amp;cap...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;bs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lab is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lab has steps 1 to %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Free play (the tutorial&apos;s opening state)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (as of event #%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to &amp;kernel and verify...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
