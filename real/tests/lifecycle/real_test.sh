#!/bin/sh
# ctest driver for `docknet real`: real_test.sh MODE DOCKNET SCRIPTS_DIR
#   lifecycle  apply + status + down, down again (idempotent), zero leftovers
#   verify-default-bridge / -user-network / -tutorial / -published-port   verify --down agrees, zero leftovers
#              (verify-published-port: also the CONNECT rows, db <-> nginx on their ports, and a
#              port nobody listens on refused in both)
#   verify-host-port-conflict  a host-mode nginx against a published :80: EADDRINUSE in both
#   verify-host-none-container  tests/cli/golden/04: two host-mode nginx on :80, the second
#              refused with EADDRINUSE by the kernel too (the first one's socket, not its own)
#   verify-icc-off  a network with enable_icc=false: its two containers cannot ping each other,
#              in the sim and in the kernel (br_netfilter's bridge-nf-call-iptables=1 in
#              docknet-host, the nft DROP rule), checked with verify and with ip netns exec ping
#   verify-udp  real/tests/scripts/udp_port.sh (-p 5353:53/udp): docker-proxy's UDP socket bound in
#              both, a host-mode service's second bind EADDRINUSE in both, a datagram to it
#              delivered without an answer, dnsmasq at 10.0.2.3:53 answering; then apply --detach:
#              ss lists udp 0.0.0.0:5353 in docknet-host and a process's own bind() there gets the
#              kernel's EADDRINUSE; down
#   verify-counters  verify on published_port.sh and icc_off.sh: the COUNTERS rows (the lab
#              table's nft counters beside the sim's iptables counters) agree, the DNAT rules
#              count one connection each, the ICC drop two dropped pings; internet_ping.sh: the
#              script's pings replayed last in both (SCRIPT rows), MASQUERADE counting the two
#              that left docker0 in both; isolation_ping.sh: DOCKER-ISOLATION-STAGE-2's DROP
#              counting a1's ping to the other bridge in both; docker_user.sh: a student's
#              DOCKER-USER DROP counting the ping it stops, MASQUERADE only the one that got out
#   verify-batched  verify on 40 containers on docker0 (past the kernel's shared neighbour cap
#              at one go): the pings run in batches, every ping compared, no difference
#   dns-hold   apply --hold: getent hosts through the real embedded DNS, SIGTERM, down
#   detach     apply --detach returns at once; the background holder answers getent and curl,
#              status names it, a second apply replaces it, down stops it; a holder killed with
#              -9 leaves a stale record that down ignores (the PID's start time no longer matches)
#   bench      docknet bench apply --json on a small lab: every field, no difference, zero leftovers
#   bench-pingall  bench pingall --containers 4 --real --json: the kernel answers the sim's 12
#              pings, every JSON field a figure, zero leftovers; without root it exits 2
#   bench-apply-ip  bench apply --containers 3 --json with its ip-command baseline: both times,
#              the ratios, the same 9 links, zero leftovers; a script that fails half-way leaves
#              nothing either
#   crash      apply killed (_exit, as kill -9) after N objects, then down: zero leftovers
#   foreign    a docknet-* namespace docknet did not make: apply refuses, rolls back, keeps it
#   capture    capture docknet-host docker0 -c 4 while alpine1 pings alpine2: tshark finds the sim's
#              ARP and ICMP; a namespace the ledger does not record is refused; down leaves nothing
#   capture-script  capture --out FILE SCRIPT: the two-container ping script's lab applied, every
#              bridge recorded while its pings are replayed; tshark finds both echo requests and
#              replies between 172.17.0.2 and 172.17.0.3 on docknet-host/docker0; then web_traffic.sh:
#              its wget, curl (through docker-proxy) and nc replayed, HTTP 200s in the pcap; down
#   http-answers  apply --hold published_port.sh: curl from docknet-host to nginx's 172.17.0.3
#              gets the sim's page byte for byte (docknet run of the same curl), curl -i through the
#              published port from docknet-router nginx's headers, through docker-proxy
#              (127.0.0.1:8080 in docknet-host, 172.17.0.1:8080 from db) the same page relayed,
#              mysqld an empty reply; down
#   on-host-refused  apply --on-host answered "n": the listing names docker0, nothing is made
#              (no namespace, no ledger entry, the root namespace as before), exit 1
#   nonroot    a non-root user gets a clear error and exit 2
# Exits 77 (ctest SKIP_RETURN_CODE) when it cannot run here: not root, no netns, or a
# docknet-* namespace already on the machine (never touched by a test).
set -u
mode=$1 docknet=$2 scripts=$3
state=$(mktemp -d /tmp/docknet-real-test.XXXXXX)
export DOCKNET_REAL_STATE=$state
unset DOCKNET_REAL_CRASH_AFTER

skip() { echo "SKIP: $*"; rm -rf "$state"; exit 77; }
# On failure the lab is removed by its ledger; if even that fails the ledger stays for a human.
fail() {
    echo "FAIL: $*"
    if "$docknet" real down >/dev/null 2>&1 && [ ! -s "$state/ledger" ]; then rm -rf "$state"; else echo "ledger kept: DOCKNET_REAL_STATE=$state docknet real down"; fi
    exit 1
}

labNamespaces() { ip netns list 2>/dev/null | grep -c '^docknet-'; }
# What the machine's own namespace shows; a test must leave it exactly so.
rootSnapshot() {
    { ip -o link show | sed 's/^[0-9]*: //' | cut -d' ' -f1 | sort; nft list tables 2>/dev/null; ls /etc/netns 2>/dev/null
      cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/ping_group_range /proc/sys/net/ipv6/conf/all/disable_ipv6 2>/dev/null
    } | tr '\n' ' '
}

if [ "$mode" = nonroot ]; then
    [ "$(id -u)" = 0 ] || skip "needs root to switch to an unprivileged user"
    command -v setpriv >/dev/null || skip "setpriv is missing"
    out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$docknet" real status 2>&1); rc=$?
    [ $rc = 2 ] || fail "non-root exit status $rc, want 2"
    echo "$out" | grep -q "needs root" || fail "no clear message: $out"
    echo "PASS: $out"; rm -rf "$state"; exit 0
fi

[ "$(id -u)" = 0 ] || skip "docknet real needs root (the CI runs the tests as root)"
unshare -n true 2>/dev/null || skip "network namespaces are not available here (unshare -n failed)"
command -v ip >/dev/null || skip "iproute2's ip is missing (the test reads the result with it)"
[ "$(labNamespaces)" = 0 ] || skip "docknet-* namespaces exist on this machine already: $(ip netns list | grep '^docknet-' | tr '\n' ' ')"

before=$(rootSnapshot)
checkClean() {
    [ "$(labNamespaces)" = 0 ] || fail "$1: namespaces left: $(ip netns list | grep '^docknet-' | tr '\n' ' ')"
    [ ! -s "$state/ledger" ] || fail "$1: ledger not empty: $(cat "$state/ledger")"
    after=$(rootSnapshot)
    [ "$before" = "$after" ] || fail "$1: the root namespace changed: before [$before] after [$after]"
}

case $mode in
lifecycle)
    "$docknet" real apply "$scripts/default_bridge.sh" > "$state/apply.out" 2>&1 || { cat "$state/apply.out"; fail "apply"; }
    [ "$(labNamespaces)" = 4 ] || fail "want 4 docknet-* namespaces, have: $(ip netns list | tr '\n' ' ')"
    status=$("$docknet" real status) || fail "status"
    echo "$status" | grep -q "netns docknet-alpine1 *present" || fail "status: $status"
    echo "$status" | grep -q "absent" && fail "status shows absent objects: $status"
    ip netns exec docknet-alpine1 ip -o addr show eth0 | grep -q "172.17.0.2/16" || fail "alpine1 has no 172.17.0.2"
    ip netns exec docknet-alpine1 ping -c 1 -W 2 172.17.0.3 >/dev/null || fail "ip netns exec ping alpine1 -> alpine2"
    ip netns exec docknet-host nft list table ip docknet | grep -q masquerade || fail "no nft table in docknet-host"
    [ -f /etc/netns/docknet-alpine1/hosts ] || fail "no /etc/netns/docknet-alpine1/hosts"
    "$docknet" real down || fail "down"
    checkClean "after down"
    "$docknet" real down | grep -q "nothing to remove" || fail "second down"
    "$docknet" real status | grep -q "no lab applied" || fail "status after down"
    ;;
verify-default-bridge|verify-user-network|verify-tutorial|verify-published-port|verify-host-port-conflict|verify-host-none-container)
    script=$scripts/default_bridge.sh
    [ "$mode" = verify-published-port ] && script=$scripts/published_port.sh
    [ "$mode" = verify-user-network ] && script=$scripts/user_network.sh
    [ "$mode" = verify-host-port-conflict ] && script=$scripts/host_port_conflict.sh
    [ "$mode" = verify-tutorial ] && script=$scripts/../../../tests/cli/golden/01_tutorial.sh
    [ "$mode" = verify-host-none-container ] && script=$scripts/../../../tests/cli/golden/04_host_none_container.sh
    out=$("$docknet" real verify --down "$script" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "verify exit $rc"
    echo "$out" | grep -q "sim and kernel agree" || fail "verify did not agree"
    case $mode in verify-host-port-conflict|verify-host-none-container) ;; *) echo "$out" | grep -q "reply  *reply  *ok" || fail "no ping compared" ;; esac
    if [ "$mode" = verify-host-port-conflict ]; then
        echo "$out" | grep -q "web4 (nginx) docknet-host 0.0.0.0:80.* EADDRINUSE  *EADDRINUSE  *ok" || fail "no EADDRINUSE from the kernel"
        echo "$out" | grep -q "hostdb (mysqld) docknet-host 0.0.0.0:3306  *bound  *bound  *ok" || fail "host-mode mysqld not bound"
    fi
    if [ "$mode" = verify-host-none-container ]; then
        echo "$out" | grep -q "h1 (nginx) docknet-host 0.0.0.0:80  *bound  *bound  *ok" || fail "h1 not bound"
        echo "$out" | grep -q "h2 (nginx) docknet-host 0.0.0.0:80.* EADDRINUSE  *EADDRINUSE  *ok" || fail "h2 not refused by the kernel"
    fi
    if [ "$mode" = verify-published-port ]; then
        [ "$(echo "$out" | grep "^  router -> " | grep -c "connected  *connected  *ok")" = 2 ] || fail "want 2 TCP connects through published ports"
        echo "$out" | grep -q "db -> nginx 172.17.0.3:80 (nginx)  *connected  *connected  *ok" || fail "no container to container connect to nginx"
        echo "$out" | grep -q "nginx -> db 172.17.0.2:3306 (mysqld)  *connected  *connected  *ok" || fail "no container to container connect to mysqld"
        echo "$out" | grep -q "db -> nginx 172.17.0.3:81 (nothing listens)  *refused  *refused  *ok" || fail "no refused container to container connect"
    fi
    if [ "$mode" = verify-user-network ]; then
        echo "$out" | grep -q "nginx2 A? nginx3  *172.18.0.3  *172.18.0.3  *ok" || fail "no name answered by the real DNS"
        echo "$out" | grep -q "nginx2 A? web  *NXDOMAIN  *NXDOMAIN  *ok" || fail "no NXDOMAIN from the real DNS"
        echo "$out" | grep -q "PTR? 3.0.18.172.in-addr.arpa  *nginx3.mybridge  *nginx3.mybridge  *ok" || fail "no PTR"
    fi
    checkClean "after verify --down"
    ;;
verify-icc-off)
    "$docknet" real apply "$scripts/icc_off.sh" > "$state/apply.out" 2>&1 || { cat "$state/apply.out"; fail "apply"; }
    call=$(ip netns exec docknet-host cat /proc/sys/net/bridge/bridge-nf-call-iptables) || fail "no bridge-nf-call-iptables in docknet-host"
    [ "$call" = 1 ] || fail "bridge-nf-call-iptables in docknet-host is $call, want 1"
    ip netns exec docknet-host nft list table ip docknet | grep -q 'iifname "br-[0-9a-f]*" oifname "br-[0-9a-f]*" .*drop' ||
        fail "no ICC drop rule: $(ip netns exec docknet-host nft list table ip docknet)"
    ip netns exec docknet-q1 ping -c 1 -W 1 172.18.0.3 >/dev/null 2>&1 && fail "q1 reached q2 with ICC off"
    ip netns exec docknet-q1 ping -c 1 -W 1 172.18.0.1 >/dev/null 2>&1 || fail "q1 cannot reach its gateway (ICC off drops only bridged traffic)"
    "$docknet" real down >/dev/null || fail "down"
    checkClean "after apply"
    out=$("$docknet" real verify --down "$scripts/icc_off.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "verify exit $rc"
    echo "$out" | grep -q "q1 -> q2 172.18.0.3 (quiet)  *no reply  *no reply  *ok" || fail "q1 -> q2 not unreachable in both"
    echo "$out" | grep -q "q2 -> q1 172.18.0.2 (quiet)  *no reply  *no reply  *ok" || fail "q2 -> q1 not unreachable in both"
    checkClean "after verify --down"
    ;;
verify-udp)
    out=$("$docknet" real verify --down "$scripts/udp_port.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "verify exit $rc"
    echo "$out" | grep -q "docker-proxy udp docknet-host 0.0.0.0:5353  *bound  *bound  *ok" || fail "docker-proxy's UDP socket not bound in both"
    echo "$out" | grep -q "a host-mode service udp docknet-host 0.0.0.0:5353, held by docker-proxy in the sim  *EADDRINUSE  *EADDRINUSE  *ok" ||
        fail "a second UDP bind of :5353 not EADDRINUSE in both"
    echo "$out" | grep -q "docknet-host -> 127.0.0.1:5353 (docker-proxy.*delivered, no answer  *delivered, no answer  *ok" ||
        fail "the datagram to docker-proxy's UDP port not delivered in both"
    echo "$out" | grep -q "docknet-host -> 10.0.2.3:53 (dnsmasq.*answered  *answered  *ok" || fail "dnsmasq did not answer in both"
    checkClean "after verify --down"
    "$docknet" real apply --detach "$scripts/udp_port.sh" > "$state/apply.out" 2>&1 || { cat "$state/apply.out"; fail "apply --detach"; }
    grep -q "udp docknet-host 0.0.0.0:5353 (docker-proxy, receives, answers nothing" "$state/apply.out" || fail "apply did not list the UDP socket: $(cat "$state/apply.out")"
    ip netns exec docknet-host ss -Hunl | grep -q "0.0.0.0:5353" || fail "no udp 0.0.0.0:5353 in docknet-host: $(ip netns exec docknet-host ss -Hunl)"
    # What a host-mode service binding udp :5353 gets: the kernel's own answer, not docknet's.
    got=$(ip netns exec docknet-host perl -MSocket -e 'socket(S, PF_INET, SOCK_DGRAM, 0) or die; if (bind(S, pack_sockaddr_in(5353, INADDR_ANY))) { print "bound" } else { print(($!{EADDRINUSE}) ? "EADDRINUSE" : "error $!") }')
    [ "$got" = EADDRINUSE ] || fail "a process's own bind of udp 0.0.0.0:5353 in docknet-host: $got, want EADDRINUSE"
    "$docknet" real down >/dev/null || fail "down"
    checkClean "after down"
    ;;
verify-counters)
    out=$("$docknet" real verify --down "$scripts/published_port.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "verify exit $rc (published_port.sh)"
    echo "$out" | grep -q "COUNTERS (namespace chain #rule: packets)" || fail "no COUNTERS section"
    echo "$out" | grep -q "docknet-host nat_DOCKER #[0-9]*: iifname != \"docker0\" tcp dport 8080 dnat to 172.17.0.3:80  *1 packet  *1 packet  *ok" ||
        fail "the DNAT for :8080 did not count the LAN's connect in both"
    echo "$out" | grep -q "docknet-host nat_DOCKER #[0-9]*: iifname != \"docker0\" tcp dport 3306 dnat to 172.17.0.2:3306  *1 packet  *1 packet  *ok" ||
        fail "the DNAT for :3306 did not count the LAN's connect in both"
    checkClean "after verify --down (published_port.sh)"
    out=$("$docknet" real verify --down "$scripts/icc_off.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "verify exit $rc (icc_off.sh)"
    echo "$out" | grep -q "docknet-host filter_FORWARD #[0-9]*: iifname \"br-[0-9a-f]*\" oifname \"br-[0-9a-f]*\" drop  *2 packets  *2 packets  *ok" ||
        fail "the ICC drop did not count the two dropped pings in both"
    checkClean "after verify --down (icc_off.sh)"
    out=$("$docknet" real verify --down "$scripts/internet_ping.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "verify exit $rc (internet_ping.sh)"
    echo "$out" | grep -q "line 5: alpine1 ping 8.8.8.8 (2 times)  *2/2 replies  *2/2 replies  *ok" || fail "the script's ping to 8.8.8.8 not replayed in both"
    echo "$out" | grep -q "docknet-host nat_POSTROUTING #1 (the script's pings): oifname != \"docker0\" ip saddr 172.17.0.0/16 masquerade  *2 packets  *2 packets  *ok" ||
        fail "MASQUERADE did not count the script's two pings out of docker0 in both"
    checkClean "after verify --down (internet_ping.sh)"
    out=$("$docknet" real verify --down "$scripts/isolation_ping.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "verify exit $rc (isolation_ping.sh)"
    echo "$out" | grep -q "line 7: a1 ping 172.18.0.2  *0/1 replies  *0/1 replies  *ok" || fail "the ping across bridges not dropped in both"
    echo "$out" | grep -q "docknet-host filter_DOCKER_ISOLATION_STAGE_2 #[0-9]* (the script's pings): oifname \"br-[0-9a-f]*\" drop  *1 packet  *1 packet  *ok" ||
        fail "the isolation DROP did not count the script's ping in both"
    checkClean "after verify --down (isolation_ping.sh)"
    out=$("$docknet" real verify --down "$scripts/docker_user.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "verify exit $rc (docker_user.sh)"
    echo "$out" | grep -q "line 5: alpine1 ping 1.1.1.1  *0/1 replies  *0/1 replies  *ok" || fail "the ping DOCKER-USER drops got through somewhere"
    echo "$out" | grep -q "docknet-host filter_DOCKER_USER #1 (the script's pings): iifname \"docker0\" ip daddr 1.1.1.1/32 drop  *1 packet  *1 packet  *ok" ||
        fail "the DOCKER-USER drop did not count the ping in both"
    echo "$out" | grep -q "docknet-host nat_POSTROUTING #1 (the script's pings): .* masquerade  *1 packet  *1 packet  *ok" ||
        fail "MASQUERADE did not count only the ping that got out, in both"
    checkClean "after verify --down (docker_user.sh)"
    ;;
verify-batched)
    for i in $(seq 40); do echo "docker run -dit --name c$i alpine ash"; done > "$state/forty.sh"
    out=$("$docknet" real verify --down "$state/forty.sh" 2>&1); rc=$?
    echo "$out" | tail -5
    [ $rc = 0 ] || { echo "$out" | grep DIFFERENT | head -20; fail "verify exit $rc"; }
    [ "$(echo "$out" | grep -c "reply  *reply  *ok")" = 1560 ] || fail "want 1560 pings answered in both (40 x 39)"
    echo "$out" | grep -q "the pings ran in 13 batches of up to 128" || fail "the pings did not run in batches"
    echo "$out" | grep -q "(after pings 1-128)  *02:42:ac:11:[0-9a-f:]* valid  *02:42:ac:11:[0-9a-f:]* valid  *ok" ||
        fail "no neighbour compared after the first batch"
    checkClean "after verify --down"
    ;;
dns-hold)
    command -v getent >/dev/null || skip "getent is missing"
    "$docknet" real apply --hold "$scripts/user_network.sh" > "$state/hold.out" 2>&1 &
    pid=$!
    i=0; until grep -q "holding" "$state/hold.out" 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 100 ] && kill -0 $pid 2>/dev/null || { cat "$state/hold.out"; kill $pid 2>/dev/null; wait $pid; fail "apply --hold"; }
        sleep 0.1
    done
    got=$(ip netns exec docknet-nginx2 getent hosts nginx3); echo "getent hosts nginx3: $got"
    echo "$got" | grep -q "^172.18.0.3 *nginx3" || { kill $pid; wait $pid; fail "getent hosts nginx3: $got"; }
    ip netns exec docknet-nginx3 getent hosts 172.18.0.2 | grep -q "nginx2.mybridge" || { kill $pid; wait $pid; fail "reverse lookup"; }
    ip netns exec docknet-nginx2 getent hosts web >/dev/null && { kill $pid; wait $pid; fail "web (docker0 only) resolved"; }
    kill -TERM $pid; wait $pid; rc=$?
    [ $rc = 0 ] || fail "apply --hold exit $rc after SIGTERM"
    [ "$(labNamespaces)" = 5 ] || fail "the lab did not stay after --hold"
    "$docknet" real down >/dev/null || fail "down"
    checkClean "after apply --hold and down"
    ;;
detach)
    command -v getent >/dev/null || skip "getent is missing"
    "$docknet" real apply --detach "$scripts/user_network.sh" > "$state/detach.out" 2>&1 || { cat "$state/detach.out"; fail "apply --detach"; }
    grep -q "held in the background by docknet (pid [0-9]*)" "$state/detach.out" || fail "no holder line"
    pid=$(sed -n 's/.*(pid \([0-9]*\)).*/\1/p' "$state/detach.out" | tail -1)
    kill -0 "$pid" 2>/dev/null || fail "the holder $pid is not running"
    got=$(ip netns exec docknet-nginx2 getent hosts nginx3); echo "getent hosts nginx3: $got"
    echo "$got" | grep -q "^172.18.0.3 *nginx3" || fail "getent through the detached holder: $got"
    "$docknet" real status | grep -q "held in the background by docknet (pid $pid)" || fail "status does not name the holder"
    # A second apply lets the first holder go and holds the new lab.
    "$docknet" real apply --detach "$scripts/user_network.sh" > "$state/detach2.out" 2>&1 || fail "second apply --detach"
    pid2=$(sed -n 's/.*(pid \([0-9]*\)).*/\1/p' "$state/detach2.out" | tail -1)
    kill -0 "$pid" 2>/dev/null && fail "the first holder $pid still runs"
    ip netns exec docknet-nginx3 getent hosts nginx2 | grep -q "^172.18.0.2" || fail "getent through the second holder"
    "$docknet" real down >/dev/null || fail "down"
    kill -0 "$pid2" 2>/dev/null && fail "down left the holder $pid2 running"
    [ -e "$state/holder" ] && fail "down left the holder record"
    checkClean "after apply --detach and down"
    # kill -9: the record stays, stale; down removes the lab and ignores it.
    "$docknet" real apply --detach "$scripts/user_network.sh" > "$state/detach3.out" 2>&1 || fail "third apply --detach"
    pid3=$(sed -n 's/.*(pid \([0-9]*\)).*/\1/p' "$state/detach3.out" | tail -1)
    kill -9 "$pid3"; i=0; while kill -0 "$pid3" 2>/dev/null && [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
    "$docknet" real down >/dev/null || fail "down after kill -9 of the holder"
    checkClean "after the holder's kill -9 and down"
    ;;
bench)
    "$docknet" bench apply --help >/dev/null 2>&1 || skip "this docknet has no bench apply"
    out=$("$docknet" bench apply --containers 6 --networks 2 --json 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "bench apply exit $rc"
    for field in containers sim_seconds apply_seconds verify_seconds down_seconds objects; do
        echo "$out" | grep -q "\"$field\": [0-9]" || fail "bench apply: no $field"
    done
    echo "$out" | grep -q '"differences": 0' || fail "bench apply: sim and kernel disagree"
    checkClean "after bench apply"
    ;;
bench-pingall)
    command -v python3 >/dev/null || skip "python3 is missing (it reads the JSON)"
    out=$("$docknet" bench pingall --containers 4 --real --json 2>"$state/err"); rc=$?
    echo "$out"; cat "$state/err"
    [ $rc = 0 ] || fail "bench pingall --real exit $rc"
    python3 - "$out" <<'PY' || fail "bench pingall --real: bad JSON"
import json, sys
o = json.loads(sys.argv[1])
want = ["pings", "sim_seconds", "sim_pings_per_s", "trace_events", "trace_events_per_s",
        "kernel_seconds", "kernel_pings_per_s", "ratio", "peak_rss_mb"]
assert list(o) == want, f"fields {list(o)}"
assert o["pings"] == 12, o
for k in want:
    assert isinstance(o[k], (int, float)) and o[k] > 0, f"{k} = {o[k]}"
assert abs(o["ratio"] - o["sim_pings_per_s"] / o["kernel_pings_per_s"]) <= 0.01 * o["ratio"] + 0.001, o
PY
    # Kernel pings answered = the sim's pings; none failed.
    grep -q "kernel: 12 of 12 pings answered, 0 failed" "$state/err" || fail "the kernel did not answer the sim's 12 pings"
    checkClean "after bench pingall --real"
    if command -v setpriv >/dev/null; then
        msg=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$docknet" bench pingall --containers 2 --real 2>&1); rc=$?
        [ $rc = 2 ] || fail "non-root bench pingall --real exit $rc, want 2"
        echo "$msg" | grep -q "needs root" || fail "non-root: no clear message: $msg"
    fi
    ;;
bench-apply-ip)
    command -v python3 >/dev/null || skip "python3 is missing (it reads the JSON)"
    command -v nft >/dev/null && command -v sysctl >/dev/null || skip "the ip-script baseline needs nft and sysctl"
    out=$("$docknet" bench apply --containers 3 --json 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "bench apply exit $rc"
    python3 - "$out" <<'PY' || fail "bench apply: bad JSON"
import json, sys
o = json.loads(sys.argv[1])
assert o["differences"] == 0, o
assert o["namespaces"] == 5 and o["links"] == 9, o   # host, router, 3 containers; docker0, 2 eth0 of the uplink, 3 veth pairs
for k in ["apply_seconds", "down_seconds", "ip_script_apply_seconds", "ip_script_down_seconds", "apply_ratio", "down_ratio"]:
    assert isinstance(o[k], (int, float)) and o[k] > 0, f"{k} = {o[k]}"
assert o["ip_script_commands"] > 40, o
assert abs(o["apply_ratio"] - o["ip_script_apply_seconds"] / o["apply_seconds"]) < 0.01 * o["apply_ratio"], o
PY
    checkClean "after bench apply with the ip script"
    # A script that fails half-way (an nft that refuses, after the namespaces and links are
    # made): the baseline's ledger must still remove all of it.
    mkdir "$state/fakebin" && printf '#!/bin/sh\nexit 1\n' > "$state/fakebin/nft" && chmod +x "$state/fakebin/nft"
    out=$(PATH="$state/fakebin:$PATH" "$docknet" bench apply --containers 3 --json 2>&1); rc=$?
    [ $rc = 1 ] || fail "bench apply with a failing ip script: exit $rc, want 1: $out"
    echo "$out" | grep -q "the ip-script baseline: .*build.sh failed" || fail "no clear message for the failed script: $out"
    checkClean "after a failed ip script"
    ;;
crash)
    for n in 1 2 4 9 20 35 50; do
        DOCKNET_REAL_CRASH_AFTER=$n "$docknet" real apply "$scripts/user_network.sh" >/dev/null 2>&1; rc=$?
        [ $rc = 137 ] || fail "apply with DOCKNET_REAL_CRASH_AFTER=$n exit $rc, want 137"
        [ -s "$state/ledger" ] || fail "crash after $n: empty ledger"
        "$docknet" real down >/dev/null || fail "down after crash at $n"
        checkClean "crash after $n objects, then down"
        echo "crash after $n objects: down left nothing"
    done
    # A real kill -9 at whatever point apply has reached (a whole apply of the walkthrough takes
    # some 50 ms here; the deterministic points are the ones above).
    for delay in 0.01 0.02 0.025 0.03 0.035 0.04 0.05; do
        "$docknet" real apply "$scripts/../../../tests/cli/golden/01_tutorial.sh" >/dev/null 2>&1 &
        pid=$!
        sleep $delay
        kill -9 $pid 2>/dev/null
        wait $pid 2>/dev/null
        made=$(cat "$state/ledger" 2>/dev/null | wc -l)
        "$docknet" real down >/dev/null || fail "down after kill -9 at ${delay}s"
        checkClean "kill -9 after ${delay}s, then down"
        echo "kill -9 after ${delay}s ($made ledger records): down left nothing"
    done
    # And a crashed apply is cleaned by the next apply too.
    DOCKNET_REAL_CRASH_AFTER=7 "$docknet" real apply "$scripts/default_bridge.sh" >/dev/null 2>&1
    "$docknet" real apply "$scripts/default_bridge.sh" >/dev/null 2>&1 || fail "apply after a crash"
    [ "$(labNamespaces)" = 4 ] || fail "apply after a crash: $(ip netns list | tr '\n' ' ')"
    "$docknet" real down >/dev/null || fail "down"
    checkClean "crash, apply, down"
    ;;
capture)
    command -v tshark >/dev/null || skip "tshark is missing (it reads the capture back)"
    "$docknet" real apply "$scripts/default_bridge.sh" > "$state/apply.out" 2>&1 || { cat "$state/apply.out"; fail "apply"; }
    "$docknet" real capture docknet-host docker0 -c 4 -w "$state/docker0.pcap" > "$state/capture.out" 2>&1 &
    pid=$!
    i=0; until grep -q "^capturing" "$state/capture.out" 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 100 ] && kill -0 $pid 2>/dev/null || { cat "$state/capture.out"; kill $pid 2>/dev/null; wait $pid; fail "capture did not start"; }
        sleep 0.1
    done
    # Between two namespaces docknet made, to an address of the plan: nothing leaves the lab.
    ip netns exec docknet-alpine1 ping -c 1 -W 2 172.17.0.3 >/dev/null || { kill $pid; wait $pid; fail "ping alpine1 -> alpine2"; }
    wait $pid; rc=$?   # -c 4, or the default 10 s timeout at the latest
    cat "$state/capture.out"
    [ $rc = 0 ] || fail "capture exit $rc"
    frames=$(tshark -n -r "$state/docker0.pcap" 2>/dev/null); echo "$frames"
    echo "$frames" | grep -q "ARP.*Who has 172.17.0.3? Tell 172.17.0.2" || fail "no ARP request from alpine1 in the pcap"
    echo "$frames" | grep -q "172.17.0.2 → 172.17.0.3 *ICMP.*Echo (ping) request" || fail "no ICMP echo request in the pcap"
    tshark -n -r "$state/docker0.pcap" -Y "eth.src == 02:42:ac:11:00:02" 2>/dev/null | grep -q . || fail "no frame from alpine1's MAC 02:42:ac:11:00:02"
    out=$("$docknet" real capture docknet-nope docker0 -c 1 --timeout 1 -w "$state/nope.pcap" 2>&1); rc=$?
    [ $rc = 1 ] || fail "capture in a namespace docknet did not make: exit $rc, want 1"
    echo "$out" | grep -q "does not record it" || fail "no clear refusal: $out"
    "$docknet" real down >/dev/null || fail "down"
    checkClean "after capture and down"
    ;;
capture-script)
    command -v tshark >/dev/null || skip "tshark is missing (it reads the capture back)"
    out=$("$docknet" real capture --out "$state/lab.pcapng" "$scripts/default_bridge.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "capture --out exit $rc"
    echo "$out" | grep -q "line 4: alpine1 ping 172.17.0.3: 1/1 replies" || fail "line 4's ping not replayed"
    echo "$out" | grep -q "line 5: alpine2 ping 172.17.0.2: 1/1 replies" || fail "line 5's ping not replayed"
    frames=$(tshark -n -r "$state/lab.pcapng" -T fields -e frame.interface_name -e ip.src -e ip.dst -e icmp.type 2>/dev/null); echo "$frames"
    for want in "172.17.0.2	172.17.0.3	8" "172.17.0.3	172.17.0.2	0" "172.17.0.3	172.17.0.2	8" "172.17.0.2	172.17.0.3	0"; do
        echo "$frames" | grep -q "^docknet-host/docker0	$want\$" || fail "no ICMP $want (src dst type) on docknet-host/docker0"
    done
    tshark -n -r "$state/lab.pcapng" -T fields -e frame.interface_name 2>/dev/null | grep -q "docknet-host/docker0" || fail "no interface block for docker0"
    # The script's HTTP: wget from a container, curl to docker-proxy on the host, nc refused.
    out=$("$docknet" real capture --out "$state/web.pcapng" "$scripts/web_traffic.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 0 ] || fail "capture --out web_traffic.sh exit $rc"
    echo "$out" | grep -q "line 4: client GET http://172.17.0.2:80/: HTTP/1.1 200 OK, 615 bytes" || fail "line 4's wget not answered"
    echo "$out" | grep -q "line 5: host GET http://127.0.0.1:8080/: HTTP/1.1 200 OK, 615 bytes" || fail "line 5's curl through docker-proxy not answered"
    echo "$out" | grep -q "line 6: client tcp 172.17.0.2:81: refused" || fail "line 6's nc not refused"
    http=$(tshark -n -r "$state/web.pcapng" -Y http -T fields -e ip.src -e ip.dst -e http.response.code 2>/dev/null); echo "$http"
    echo "$http" | grep -q "^172.17.0.2	172.17.0.3	200$" || fail "no HTTP 200 from web to client in the pcap"
    echo "$http" | grep -q "^172.17.0.2	172.17.0.1	200$" || fail "no HTTP 200 from web to docker-proxy in the pcap"
    "$docknet" real down >/dev/null || fail "down"
    checkClean "after capture --out and down"
    ;;
http-answers)
    command -v curl >/dev/null || skip "curl is missing (it asks the listeners)"
    "$docknet" real apply --hold "$scripts/published_port.sh" > "$state/hold.out" 2>&1 &
    pid=$!
    i=0; until grep -q "^applied" "$state/hold.out" 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 100 ] && kill -0 $pid 2>/dev/null || { cat "$state/hold.out"; kill $pid 2>/dev/null; wait $pid; fail "apply --hold did not finish"; }
        sleep 0.2
    done
    stop() { kill -TERM $pid; wait $pid; }
    # The sim's answer to the same curl, from the same script.
    { cat "$scripts/published_port.sh"; echo 'curl -s http://172.17.0.3/'; } > "$state/curl.sh"
    simPage=$("$docknet" run "$state/curl.sh" | sed -n '/^\$ curl -s/,$p' | tail -n +2)
    page=$(ip netns exec docknet-host curl -s -m 5 http://172.17.0.3/) || { stop; fail "curl from docknet-host to nginx"; }
    [ -n "$simPage" ] && [ "$page" = "$simPage" ] || { stop; fail "the kernel's page differs from the sim's: [$page] vs [$simPage]"; }
    through=$(ip netns exec docknet-router curl -s -i -m 5 http://10.0.2.15:8080/) || { stop; fail "curl through the published port"; }
    echo "$through" | grep -q "^Server: nginx/1.27.2" || { stop; fail "no nginx headers through :8080: $through"; }
    echo "$through" | grep -q "<title>Welcome to nginx!</title>" || { stop; fail "no page through :8080"; }
    # Through docker-proxy (loopback in docknet-host, and a container to its gateway: no DNAT
    # for those), relayed to nginx from inside docknet-host.
    proxied=$(ip netns exec docknet-host curl -s -m 5 http://127.0.0.1:8080/) || { stop; fail "curl through docker-proxy on 127.0.0.1:8080"; }
    [ "$proxied" = "$simPage" ] || { stop; fail "docker-proxy's relayed page differs from the sim's: [$proxied]"; }
    ip netns exec docknet-db curl -s -m 5 http://172.17.0.1:8080/ | grep -q "<title>Welcome to nginx!</title>" || { stop; fail "db -> 172.17.0.1:8080 through docker-proxy"; }
    ip netns exec docknet-host curl -s -m 5 http://172.17.0.2:3306/; rc=$?
    [ $rc = 52 ] || { stop; fail "mysqld: curl exit $rc, want 52 (Empty reply from server, as in the sim)"; }
    stop
    "$docknet" real down >/dev/null || fail "down"
    checkClean "after the HTTP answers and down"
    ;;
on-host-refused)
    # Only ever answered "n": the machine's own namespace must not be touched by a test.
    out=$(echo n | "$docknet" real apply --on-host "$scripts/default_bridge.sh" 2>&1); rc=$?
    echo "$out"
    [ $rc = 1 ] || fail "--on-host answered n: exit $rc, want 1"
    echo "$out" | grep -q "^  bridge docker0 " || fail "the listing does not name docker0"
    echo "$out" | grep -q "netns docknet-router .*left\|docknet-router: the machine's real network" || fail "the router is not listed as left out"
    echo "$out" | grep -q "nothing was made" || fail "no clear refusal"
    [ ! -s "$state/ledger" ] || fail "a ledger entry was written: $(cat "$state/ledger")"
    checkClean "after --on-host answered n"
    ;;
foreign)
    # A docknet-* namespace docknet did not record (made here with iproute2, as a student or an
    # old lab would): apply must refuse it, roll back, and never delete it.
    hadRunNetns=no; [ -d /run/netns ] && hadRunNetns=yes
    ip netns add docknet-alpine2 || fail "ip netns add"
    out=$("$docknet" real apply "$scripts/default_bridge.sh" 2>&1); rc=$?
    [ $rc = 1 ] || { ip netns del docknet-alpine2; fail "apply over a foreign namespace exit $rc, want 1"; }
    echo "$out" | grep -q "docknet did not record it" || { ip netns del docknet-alpine2; fail "no clear message: $out"; }
    [ "$(ip netns list | grep -c '^docknet-')" = 1 ] || { ip netns del docknet-alpine2; fail "rollback left: $(ip netns list | tr '\n' ' ')"; }
    "$docknet" real down >/dev/null
    ip netns list | grep -q '^docknet-alpine2' || fail "down deleted a namespace it did not make"
    ip netns del docknet-alpine2
    if [ $hadRunNetns = no ]; then umount /run/netns 2>/dev/null; rmdir /run/netns; fi
    checkClean "foreign namespace"
    ;;
*) fail "unknown mode $mode" ;;
esac
rm -rf "$state"
echo "PASS: $mode"
