# User-defined bridges: DNS by name and alias, isolation, connect and disconnect.
docker network create alpine-net
docker network ls
docker run -dit --name alpine1 --network alpine-net alpine ash
docker run -dit --name alpine2 --network alpine-net --network-alias db alpine ash
docker run -dit --name alpine3 alpine ash
docker run -dit --name alpine4 --network alpine-net alpine ash
docker network connect bridge alpine4
docker network inspect alpine-net -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{println}}{{end}}'
docker exec alpine1 ping -c 1 alpine2
docker exec alpine1 ping -c 1 db
docker exec alpine1 ping -c 1 alpine2.alpine-net
docker exec alpine1 ping -c 1 alpine3
docker exec alpine1 ping -c 2 -W 1 172.17.0.2
docker exec alpine4 ip -4 addr
docker exec alpine4 ping -c 1 alpine1
docker exec alpine4 ping -c 1 172.17.0.2
docker exec alpine4 ping -c 1 alpine3
docker exec alpine1 cat /etc/resolv.conf
docker exec alpine1 nslookup alpine2
docker inspect -f '{{json .NetworkSettings.Networks}}' alpine2
docker network disconnect alpine-net alpine4
docker exec alpine4 ip -4 addr
docker network rm alpine-net
docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.254 labnet
docker run -dit --name fixed --network labnet --ip 10.10.0.50 alpine ash
docker exec fixed ip route
docker network create --internal secret
docker run -dit --name spy --network secret alpine ash
docker exec spy ping -c 1 8.8.8.8
iptables -S DOCKER-ISOLATION-STAGE-1
