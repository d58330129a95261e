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
