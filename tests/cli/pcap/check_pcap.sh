#!/bin/sh
# Runs a script with `docknet run --pcap` and checks with tshark that the capture holds ARP,
# ICMP, DNS and TCP frames with the simulation's addresses. Usage: check_pcap.sh DOCKNET SCRIPT OUT
set -eu
docknet=$1 script=$2 out=$3
rm -f "$out"
"$docknet" run --pcap "$out" "$script" > /dev/null
text=$(tshark -r "$out" 2>&1)
status=0
for want in "Who has 172.18.0.3" "Echo (ping) request" "Echo (ping) reply" "Standard query" "172.17.0.2" "SYN"; do
  if ! printf '%s\n' "$text" | grep -qF "$want"; then
    echo "missing in $out: $want"
    status=1
  fi
done
[ $status -eq 0 ] || printf '%s\n' "$text"
exit $status
