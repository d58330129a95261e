docker network prune -f --filter label!=keep
docker stop web
docker network prune -f --filter label=keep=yes
docker start web
# create: the IPAM flags as the reference page uses them, and the CLI's and daemon's checks
docker network create --driver=bridge --subnet=172.28.0.0/16 --ip-range=172.28.5.0/24 --gateway=172.28.5.254 br0
docker run -d --name r1 --network br0 alpine sleep 1000
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.Gateway}}{{end}}' r1
docker network inspect -f '{{json .IPAM.Config}}' br0
docker network connect --ip 172.28.1.5 br0 web
docker network create --subnet 10.20.0.0/24 --ip-range 10.20.0.128/25 --aux-address my-router=10.20.0.129 --aux-address far=10.20.0.5 ranged
docker network inspect -f '{{json .IPAM.Config}}' ranged
docker run -d --name r2 --network ranged alpine sleep 1000
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' r2
docker network create --subnet 10.30.0.0/24 nogw
docker network inspect -f '{{json .IPAM.Config}}' nogw
docker network create --gateway 10.1.1.1 x1
docker network create --ip-range 10.1.1.0/24 x2
docker network create --subnet 10.1.0.0/16 --gateway 10.2.0.1 x3
docker network create --subnet 10.1.0.0/16 --ip-range 10.2.0.0/24 x4
docker network create --subnet 10.1.0.0/16 --aux-address a=10.2.0.1 x5
docker network create --subnet 10.1.0.0/16 --subnet 10.1.2.0/24 x6
docker network create --subnet 10.1.0.0/16 --gateway 10.1.0.1 --gateway 10.1.0.2 x7
