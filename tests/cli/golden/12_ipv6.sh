# Docker's "Use IPv6 networking" page, its steps typed as a student would: a dual-stack network
# with a documentation subnet, one with the daemon's ULA /64, the addresses and routes inside.
docker network create --ipv6 --subnet 2001:db8::/64 ip6net
docker network create --ipv6 ip6auto
docker network ls --format '{{.Name}} {{.IPv6}}'
docker network inspect -f '{{.EnableIPv6}} {{json .IPAM.Config}}' ip6net
docker network inspect -f '{{json .IPAM.Config}}' ip6auto
docker run -d --name web --network ip6net -p 80:80 nginx
docker run -dit --name a1 --network ip6net alpine
docker run -dit --name a2 --network ip6net --ip6 2001:db8::100 alpine
docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{.IPv6Address}}{{println}}{{end}}' ip6net
docker inspect -f '{{range .NetworkSettings.Networks}}{{.GlobalIPv6Address}}/{{.GlobalIPv6PrefixLen}} via {{.IPv6Gateway}}{{end}}' a2
docker exec a1 ip addr show eth0
docker exec a1 ip -6 route
docker exec a1 ifconfig eth0
docker exec a1 nslookup a2
docker exec a1 cat /etc/hosts
docker run --rm --network ip6net debian getent hosts web
ip -6 addr show br-$(docker network inspect -f '{{printf "%.12s" .Id}}' ip6net)
docker exec a1 ping -c 1 2001:db8::100
curl http://[::1]:80
docker run --rm --network ip6net --ip6 2001:db9::1 alpine true
docker run --rm --network ip6auto --ip6 fd00::1 alpine true
docker network create --ipv6 --subnet 2001:db8::/64 again
docker network create --ipv6 --subnet 2001:db8:1::1/64 unmasked
docker network create --subnet 2001:db8:2::/64 nov6
docker network inspect -f '{{.EnableIPv6}} {{json .IPAM.Config}}' nov6
