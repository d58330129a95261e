docker network create --subnet 10.1.0.5/16 x8
docker network create --subnet 10.1.0.0/24 --ip-range 10.1.0.0/16 x9
docker network create --subnet 10.1.0.0/24 --gateway nonsense x10
docker network create --subnet 10.1.0.0/24 --gateway 10.1.0.1 --aux-address gw=10.1.0.1 x11
docker network create --subnet 2001:db8::/64 x12
docker network create --ipv6 x13
docker network create --ingress x14
docker network create --config-only x15
docker network create --label =x x16
docker network create --scope local x17
# --ip at docker run: validated at create time, no container is left behind
docker network create plainnet
docker run --name pinned --network plainnet --ip 172.40.0.9 alpine true
docker ps -a -f name=pinned -q
docker run --name pinned --network host --ip 10.0.2.99 alpine true
docker run --network none --network-alias x alpine true
