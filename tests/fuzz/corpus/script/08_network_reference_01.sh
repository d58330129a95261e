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
