# The docker network ls|inspect|connect|disconnect|rm|prune reference pages, typed as published.
docker network create --label com.example.project=web --label env frontend
docker network create --label com.example.project=db backend
docker network create backend2
docker run -dit --name web --network frontend alpine ash
docker network ls
docker network ls --no-trunc --filter name=front
docker network ls -f driver=bridge
docker network ls -f driver=bridge -f driver=null
docker network ls -f name=back -f name=^front
docker network ls -f label=env
docker network ls -f label=com.example.project=db
docker network ls -f label=com.example.project -f label=env
docker network ls -f scope=local -q
docker network ls -f scope=swarm
docker network ls -f type=custom
docker network ls -f type=builtin
docker network ls -f type=custom -f type=builtin
docker network ls -f type=other
docker network ls -f dangling=true
docker network ls -f dangling=false
docker network ls -f dangling=maybe
docker network ls -f dangling=true -f dangling=false
docker network ls -f foo=bar
docker network ls -f nofilter
docker network ls --format "{{.ID}}: {{.Driver}}" -f name=frontend
docker network ls --format '{{.Name}} {{.Label "com.example.project"}}|{{.Labels}}' -f type=custom
docker network ls --format 'table {{.Name}}\t{{.Driver}}\t{{.Internal}}\t{{.IPv6}}' -f type=custom
docker network ls --format json -f name=backend2
docker network ls -q --format '{{.Name}}' -f type=custom
docker network ls --format '{{.Label}}' -f name=backend2
docker network inspect --format json backend2
docker network inspect -f '{{.Name}} {{.Driver}}' backend2 nosuch bridge
docker network inspect -f '{{.Name' backend2
docker network inspect -f '{{.Nope}}' backend2
# connect: a created container, --ip / --alias / --link recorded and applied at start, kept after stop/start
docker network create --subnet 172.30.0.0/16 isolated_nw
docker create --name container2 alpine sleep 1000
docker network connect --ip 172.30.100.104 --alias app --alias api,web2 isolated_nw container2
docker inspect -f '{{json .NetworkSettings.Networks.isolated_nw.IPAMConfig}} {{json .NetworkSettings.Networks.isolated_nw.Aliases}}' container2
docker start container2
docker exec container2 ip -4 addr show eth1
docker run -d --name c3 --network isolated_nw alpine sleep 1000
docker exec c3 ping -c 1 api
docker stop container2
docker start container2
docker exec container2 ip -4 -o addr show eth1
docker inspect -f '{{json .NetworkSettings.Networks.isolated_nw}}' container2
docker network connect --link c3:db isolated_nw web
docker exec web ping -c 1 db
docker exec container2 ping -c 1 db
docker network connect --link-local-ip 169.254.10.10 --driver-opt com.example.opt=1 backend c3
docker exec c3 ip -4 -o addr show eth1
docker inspect -f '{{json .NetworkSettings.Networks.backend.IPAMConfig}} {{json .NetworkSettings.Networks.backend.DriverOpts}}' c3
# connect refusals, in the daemon's words
docker network connect --ip 172.19.0.50 backend2 c3
docker network connect --ip 10.0.0.5 isolated_nw web
docker network connect --ip 172.17.0.50 bridge c3
docker network connect --alias x bridge c3
docker network connect --ip6 2001:db8::33 isolated_nw web
docker network connect --ip nonsense --ip6 1.2.3.4 isolated_nw web
docker network connect --ip 172.30.100.104 isolated_nw web
docker network connect isolated_nw c3
docker network connect nosuchnet c3
docker network connect isolated_nw nosuch
docker network connect host c3
docker network connect none c3
docker network connect --link a:b:c isolated_nw c3
docker network connect --driver-opt novalue isolated_nw c3
docker network connect --foo isolated_nw c3
# disconnect
docker network disconnect isolated_nw web
docker network disconnect nosuchnet c3
docker network disconnect -f nosuchnet c3
docker network disconnect -f isolated_nw nosuch
docker stop c3
docker network disconnect nosuchnet c3
docker network disconnect backend c3
docker network disconnect backend c3
docker network connect nosuchnet c3
docker start c3
docker network disconnect nosuchnet c3
docker start c3
# rm
docker network rm isolated_nw
docker network rm -f nosuch
docker network rm nosuch backend2
# prune
docker network create --label keep=yes kept
docker network create old
docker network prune -f --filter until=1h
docker network prune -f --filter until=nonsense
docker network prune -f --filter until=1h --filter until=2h
docker network prune -f --filter foo=bar
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
