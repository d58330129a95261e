docker run --name nginx3 --network mybridge -d nginx-custom
docker exec nginx2 ping -c 2 nginx3
docker exec nginx2 cat /etc/resolv.conf

# Host mode: no own address; port 80 is already taken by the published nginx.
docker run --name nginx4 --net=host -d nginx-custom
docker ps -a --format '{{.Names}}\t{{.Status}}'
docker logs nginx4 2>&1 | tail -3
docker rm -f nginx nginx4
docker run --name nginx4 --net=host -d nginx-custom
docker ps --format '{{.Names}} {{.Status}} {{.Ports}}'
curl -s localhost | grep title

# Container mode: share another container's network namespace (its address, its ports).
docker run -dit --name sidecar --net=container:nginx2 alpine
docker exec sidecar hostname
docker exec sidecar ip addr show eth0
docker exec sidecar wget -qO- http://localhost/ | grep title
docker run --name nginx5 --net=container:nginx2 -d nginx-custom
sleep 3
docker ps -a --filter name=nginx5 --format '{{.Names}}: {{.Status}}'
docker logs nginx5 2>&1 | grep -m1 emerg
