# Two containers on docker0: ARP, the neighbour table and the bridge FDB.
docker run -dit --name alpine1 alpine ash
docker run -dit --name alpine2 alpine ash
docker exec alpine1 ip addr show eth0
docker exec alpine1 ip route
docker exec alpine1 ip neigh
docker exec alpine1 ping -c 2 172.17.0.3
docker exec alpine1 ip neigh
docker exec alpine1 arp -a
docker exec alpine2 ip neigh
bridge fdb show br docker0
brctl show
docker exec alpine1 ping -c 2 alpine2
docker exec alpine1 ping -c 2 -W 1 172.17.0.99
docker exec alpine1 ip neigh show 172.17.0.99
sleep 40
docker exec alpine1 ip neigh
docker exec alpine1 ping -c 1 8.8.8.8
docker exec alpine1 ping -c 1 google.com
ip addr show docker0
