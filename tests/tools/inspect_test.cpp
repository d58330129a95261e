// ip, ifconfig, arp, bridge, brctl, iptables, cat and the missing-executable message.
#include "tools/tool_fixture.hpp"

using namespace tooltest;

TEST_CASE("ip addr, route and neigh inside a container", "[tools][ip]") {
    Docker0Topology t(2);
    auto ctx = containerContext(t, 0);
    REQUIRE(run(ctx, "ping -c 1 172.17.0.3").exitCode == 0);

    auto r = run(ctx, "ip addr");
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n"
          "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
          "    inet 127.0.0.1/8 scope host lo\n"
          "       valid_lft forever preferred_lft forever\n"
          "3: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n"
          "    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n"
          "    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n"
          "       valid_lft forever preferred_lft forever\n");
    CHECK(run(ctx, "ip route").out ==
          "default via 172.17.0.1 dev eth0 \n"
          "172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n");
    CHECK(run(ctx, "ip n").out == "172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 REACHABLE \n");
    CHECK(run(ctx, "ip neigh show dev eth0").out == "172.17.0.3 lladdr 02:42:ac:11:00:03 REACHABLE \n");

    r = run(ctx, "ip addr show eth9");
    CHECK(r.err == "Device \"eth9\" does not exist.\n");
    CHECK(r.exitCode == 1);
    r = run(ctx, "ip foo");
    CHECK(r.err == "Object \"foo\" is unknown, try \"ip help\".\n");
    CHECK(r.exitCode == 255);

    SECTION("busybox ip") {
        auto bb = containerContext(t, 0, Flavor::Busybox);
        CHECK(run(bb, "ip -4 addr show eth0").out ==
              "3: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n"
              "    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n"
              "       valid_lft forever preferred_lft forever\n");
        CHECK(run(bb, "ip route").out ==
              "default via 172.17.0.1 dev eth0 \n"
              "172.17.0.0/16 dev eth0  scope link  src 172.17.0.2 \n");
    }
}

TEST_CASE("ip addr and ip route on the Docker host", "[tools][ip][host]") {
    Docker0Topology t(1);
    auto host = hostContext(t);
    const auto r = run(host, "ip a");
    CHECK(r.out ==
          "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n"
          "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
          "    inet 127.0.0.1/8 scope host lo\n"
          "       valid_lft forever preferred_lft forever\n"
          "2: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n"
          "    link/ether 02:42:3f:c1:b7:07 brd ff:ff:ff:ff:ff:ff\n"
          "    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n"
          "       valid_lft forever preferred_lft forever\n"
          "4: veth1@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default \n"
          "    link/ether " + t.kernel.interface(t.c[0].hostVeth)->mac.toString() + " brd ff:ff:ff:ff:ff:ff link-netnsid 0\n");

    SECTION("a bridge without running ports has NO-CARRIER and a linkdown route") {
        REQUIRE(t.kernel.setUp(t.c[0].hostVeth, false));
        CHECK(run(host, "ip link show docker0").out ==
              "2: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default \n"
              "    link/ether 02:42:3f:c1:b7:07 brd ff:ff:ff:ff:ff:ff\n");
        CHECK(run(host, "ip route").out == "172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n");
    }
}

TEST_CASE("ifconfig in both flavours", "[tools][ifconfig]") {
    Docker0Topology t(2);
    auto ctx = containerContext(t, 0);
    REQUIRE(run(ctx, "ping -c 1 172.17.0.3").exitCode == 0);
    // c1/eth0 sent an ARP request (42) and an echo request (98), and received the ARP reply (42)
    // and the echo reply (98).
    CHECK(run(ctx, "ifconfig").out ==
          "eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n"
          "        inet 172.17.0.2  netmask 255.255.0.0  broadcast 172.17.255.255\n"
          "        ether 02:42:ac:11:00:02  txqueuelen 0  (Ethernet)\n"
          "        RX packets 2  bytes 140 (140.0 B)\n"
          "        RX errors 0  dropped 0  overruns 0  frame 0\n"
          "        TX packets 2  bytes 140 (140.0 B)\n"
          "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n"
          "\n"
          "lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n"
          "        inet 127.0.0.1  netmask 255.0.0.0\n"
          "        loop  txqueuelen 1000  (Local Loopback)\n"
          "        RX packets 0  bytes 0 (0.0 B)\n"
          "        RX errors 0  dropped 0  overruns 0  frame 0\n"
          "        TX packets 0  bytes 0 (0.0 B)\n"
          "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n"
          "\n");
    auto bb = containerContext(t, 0, Flavor::Busybox);
    CHECK(run(bb, "ifconfig eth0").out ==
          "eth0      Link encap:Ethernet  HWaddr 02:42:AC:11:00:02  \n"
          "          inet addr:172.17.0.2  Bcast:172.17.255.255  Mask:255.255.0.0\n"
          "          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n"
          "          RX packets:2 errors:0 dropped:0 overruns:0 frame:0\n"
          "          TX packets:2 errors:0 dropped:0 overruns:0 carrier:0\n"
          "          collisions:0 txqueuelen:0 \n"
          "          RX bytes:140 (140.0 B)  TX bytes:140 (140.0 B)\n"
          "\n");
    const auto r = run(ctx, "ifconfig eth9");
    CHECK(r.err == "eth9: error fetching interface information: Device not found\n");
    CHECK(r.exitCode == 1);
}

TEST_CASE("arp -n, arp -a and the incomplete entry", "[tools][arp]") {
    Docker0Topology t(2);
    auto ctx = containerContext(t, 0);
    REQUIRE(run(ctx, "ping -c 1 172.17.0.3").exitCode == 0);
    REQUIRE(run(ctx, "ping -c 1 -W 1 172.17.0.9").exitCode == 1);
    CHECK(run(ctx, "arp -n").out ==
          "Address                  HWtype  HWaddress           Flags Mask            Iface\n"
          "172.17.0.3               ether   02:42:ac:11:00:03   C                     eth0\n"
          "172.17.0.9                       (incomplete)                              eth0\n");
    CHECK(run(ctx, "arp -a").out ==
          "? (172.17.0.3) at 02:42:ac:11:00:03 [ether] on eth0\n"
          "? (172.17.0.9) at <incomplete> on eth0\n");
}

TEST_CASE("bridge fdb show and brctl on the host", "[tools][bridge][host]") {
    Docker0Topology t(2);
    auto c1 = containerContext(t, 0);
    REQUIRE(run(c1, "ping -c 1 172.17.0.3").exitCode == 0);
    auto host = hostContext(t);
    const std::string v1 = t.kernel.interface(t.c[0].hostVeth)->mac.toString();
    const std::string v2 = t.kernel.interface(t.c[1].hostVeth)->mac.toString();
    CHECK(run(host, "bridge fdb show").out ==
          "33:33:00:00:00:01 dev docker0 self permanent\n"
          "01:00:5e:00:00:01 dev docker0 self permanent\n"
          "02:42:3f:c1:b7:07 dev docker0 vlan 1 master docker0 permanent\n"
          "02:42:3f:c1:b7:07 dev docker0 master docker0 permanent\n" +
              v1 + " dev veth1 master docker0 permanent\n" + v1 + " dev veth1 vlan 1 master docker0 permanent\n" +
              "02:42:ac:11:00:02 dev veth1 master docker0 \n" + v2 + " dev veth2 master docker0 permanent\n" + v2 +
              " dev veth2 vlan 1 master docker0 permanent\n" + "02:42:ac:11:00:03 dev veth2 master docker0 \n");
    CHECK(run(host, "brctl show").out ==
          "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n"
          "docker0\t\t8000.02423fc1b707\tno\t\tveth1\n"
          "\t\t\t\t\t\t\tveth2\n");
    SECTION("bridge tools exist on the host only") {
        c1.executables = {"ping", "ip"};
        const auto r = run(c1, "brctl show");
        CHECK(r.exitCode == 126);
    }
}

TEST_CASE("iptables -S and -L print Docker's rules", "[tools][iptables][host]") {
    Docker0Topology t(1);
    addDockerNat(t.kernel, t.host);
    publish(t.kernel, t.host, 8080, t.c[0].address, 80);
    auto& filter = t.kernel.ns(t.host)->filter();
    REQUIRE(filter.newChain("DOCKER"));
    REQUIRE(filter.setPolicy("FORWARD", false));
    net::RuleMatch established;
    established.out = net::IfaceMatch{"docker0", false};
    established.ctstate = net::ct_state::Related | net::ct_state::Established;
    REQUIRE(filter.append("FORWARD", rule(established, net::target::Accept{})));
    net::RuleMatch toDocker;
    toDocker.out = net::IfaceMatch{"docker0", false};
    REQUIRE(filter.append("FORWARD", rule(toDocker, net::target::Jump{"DOCKER"})));
    net::RuleMatch published;
    published.dst = net::PrefixMatch{prefix("172.17.0.2/32"), false};
    published.in = net::IfaceMatch{"docker0", true};
    published.out = net::IfaceMatch{"docker0", false};
    published.protocol = wire::IpProtocol::Tcp;
    published.dport = 80;
    REQUIRE(filter.append("DOCKER", rule(published, net::target::Accept{})));

    auto host = hostContext(t);
    CHECK(run(host, "iptables -S").out ==
          "-P INPUT ACCEPT\n"
          "-P FORWARD DROP\n"
          "-P OUTPUT ACCEPT\n"
          "-N DOCKER\n"
          "-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"
          "-A FORWARD -o docker0 -j DOCKER\n"
          "-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT\n");
    CHECK(run(host, "iptables -t nat -S").out ==
          "-P PREROUTING ACCEPT\n"
          "-P INPUT ACCEPT\n"
          "-P OUTPUT ACCEPT\n"
          "-P POSTROUTING ACCEPT\n"
          "-N DOCKER\n"
          "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER\n"
          "-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER\n"
          "-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n"
          "-A DOCKER -i docker0 -j RETURN\n"
          "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n");
    CHECK(run(host, "iptables -L DOCKER -n").out ==
          "Chain DOCKER (1 references)\n"
          "target     prot opt source               destination         \n"
          "ACCEPT     tcp  --  0.0.0.0/0            172.17.0.2           tcp dpt:80\n");
    CHECK(run(host, "iptables -t nat -nL").out ==
          "Chain PREROUTING (policy ACCEPT)\n"
          "target     prot opt source               destination         \n"
          "DOCKER     all  --  0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL\n"
          "\n"
          "Chain INPUT (policy ACCEPT)\n"
          "target     prot opt source               destination         \n"
          "\n"
          "Chain OUTPUT (policy ACCEPT)\n"
          "target     prot opt source               destination         \n"
          "DOCKER     all  --  0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL\n"
          "\n"
          "Chain POSTROUTING (policy ACCEPT)\n"
          "target     prot opt source               destination         \n"
          "MASQUERADE  all  --  172.17.0.0/16        0.0.0.0/0           \n"
          "\n"
          "Chain DOCKER (2 references)\n"
          "target     prot opt source               destination         \n"
          "RETURN     all  --  0.0.0.0/0            0.0.0.0/0           \n"
          "DNAT       tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80\n");
    CHECK(run(host, "iptables -L FORWARD").out ==
          "Chain FORWARD (policy DROP)\n"
          "target     prot opt source               destination         \n"
          "ACCEPT     all  --  anywhere             anywhere             ctstate RELATED,ESTABLISHED\n"
          "DOCKER     all  --  anywhere             anywhere            \n");
    const auto r = run(host, "iptables -L NOPE");
    CHECK(r.err == "iptables: No chain/target/match by that name.\n");
    CHECK(r.exitCode == 1);
}

TEST_CASE("cat, missing executables and unmodelled commands", "[tools][runner]") {
    Docker0Topology t(1);
    auto ctx = containerContext(t, 0);
    auto r = run(ctx, "cat /etc/hosts /etc/foo");
    CHECK(r.out == ctx.files["/etc/hosts"]);
    CHECK(r.err == "cat: /etc/foo: No such file or directory\n");
    CHECK(r.exitCode == 1);
    ctx.executables = {"ping", "cat"};
    r = run(ctx, "curl http://web");
    CHECK(r.err == "OCI runtime exec failed: exec failed: unable to start container process: exec: \"curl\": executable file not found in $PATH: unknown\n");
    CHECK(r.exitCode == 126);
    CHECK(r.err == sim::tools::missingExecutableMessage("curl"));
    ctx.executables.insert("tcpdump");
    r = run(ctx, "tcpdump -i eth0");
    CHECK(r.exitCode == 127);
    CHECK(r.err == "docknet: tcpdump: this command is not modelled by the simulator\n");
    ctx.executables.insert("hostname");
    CHECK(run(ctx, "hostname").out == "c1host\n");
    CHECK(run(ctx, "hostname -i").out == "172.17.0.2\n");
}
