# Frames of every kind for `docknet run --pcap`: ARP and ICMP between two containers of a user
# network (after a DNS query for the name), and TCP through a published port.
docker run -d --name web -p 8080:80 nginx
docker network create mynet
docker run -dit --name a1 --network mynet busybox
docker run -dit --name a2 --network mynet busybox
docker exec a1 ping -c 1 a2
curl -s 10.0.2.15:8080
