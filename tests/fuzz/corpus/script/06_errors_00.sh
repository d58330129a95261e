# Bad input gets Docker's own message and status, and changes nothing.
docker rnu alpine
docker network foo
docker run --foo alpine
docker run -x alpine
docker run --name
docker run
docker network create
docker network create bridge
docker network create dup
docker network create dup
docker network create --subnet 172.17.5.0/24 overlap
docker network create --subnet 300.1.1.0/24 badnet
docker network rm bridge
docker network rm host none
docker network rm nosuch
docker network inspect nosuch
docker inspect nosuch
docker run -d --name a alpine sleep 300
docker run -d --name app alpine sleep 300
docker run -d --name app alpine sleep 300
docker rm app
docker stop nosuch
docker exec nosuch ls
docker run -d --name brief alpine sleep 1
sleep 2
docker exec brief ls
docker run --ip 172.17.0.50 alpine true
docker run --network-alias x alpine true
docker run --network nosuchnet alpine true
docker ps -a --format '{{.Names}} {{.Status}}'
docker run --rm --restart always alpine true
docker run nosuchimage
docker run nginx:9.9
docker exec app ping -c 1 127.0.0.1
docker run --rm nginx ping -c 1 127.0.0.1
docker network connect dup app
docker network connect dup app
docker network rm dup
docker network disconnect bridge nosuch
docker rename app app
docker rename app brief
docker rename app web
echo $?
