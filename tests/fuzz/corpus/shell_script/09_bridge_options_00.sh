# docker network create -o: the bridge driver options of the bridge driver page, with their effect.
docker network create -o com.docker.network.bridge.name=lab0 -o com.docker.network.driver.mtu=1400 -o com.docker.network.container_iface_prefix=lab -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 optnet
ip -4 addr show lab0
docker run -d --name web --network optnet -p 8080:80 nginx
docker run -dit --name a1 --network optnet alpine
docker exec a1 ip link show lab0
docker exec a1 ip -4 route
docker port web
docker ps --format '{{.Names}} {{.Ports}}'
docker network inspect -f '{{json .Options}}' optnet
docker network create -o com.docker.network.bridge.inhibit_ipv4=true --subnet 10.66.0.0/24 noaddr
ip -4 addr show br-$(docker network inspect -f '{{printf "%.12s" .Id}}' noaddr)
docker network create -o com.docker.network.bridge.enable_icc=maybe bad1
docker network create -o com.docker.network.driver.mtu=big bad2
docker network create -o com.docker.network.driver.mtu=-5 bad3
docker network create -o com.docker.network.bridge.host_binding_ipv4=nowhere bad4
docker network ls -f name=bad
docker network create -d overlay ov
docker network create -d macvlan mv
docker network create -d nosuchdriver nd
