# Docker's "Packet filtering and firewalls" page: DOCKER-USER is the student's; the chains
# Docker owns come back only when the daemon restarts, and a port cannot be published without them.
docker run -d --name web -p 8080:80 nginx
docker run -dit --name a1 alpine
iptables -S FORWARD
iptables -I DOCKER-USER -s 172.17.0.3 -j DROP
docker exec a1 ping -c 1 -W 1 8.8.8.8
iptables -D DOCKER-USER -s 172.17.0.3 -j DROP
docker exec a1 ping -c 1 -W 1 8.8.8.8
iptables -F FORWARD
docker exec a1 ping -c 1 -W 1 8.8.8.8
iptables -S FORWARD
systemctl restart docker
docker ps -a --format '{{.Names}} {{.Status}}'
iptables -S FORWARD
docker start web a1
docker exec a1 ping -c 1 -W 1 8.8.8.8
iptables -t nat -S DOCKER
docker stop web
iptables -t nat -D PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -D OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -F DOCKER
iptables -t nat -X DOCKER
docker start web
service docker restart
docker start web
docker port web
systemctl restart firewalld
