# Host, none and container network modes.
docker run -d --name h1 --network host -p 8080:80 nginx
docker run -d --name h2 --network host nginx
sleep 3
docker ps -a --format 'table {{.Names}}\t{{.Status}}\t{{.Ports}}'
docker logs h2
docker inspect -f '{{.HostConfig.NetworkMode}} {{.Config.Hostname}}' h1
docker network inspect host -f '{{range .Containers}}{{.Name}} {{end}}'
ss -ltn
curl -s http://127.0.0.1/ | grep -i welcome
docker run --rm --network none alpine ip addr show
docker run --rm --network none alpine ping -c 1 8.8.8.8
docker run -dit --name base alpine ash
docker run --rm --network container:base alpine ip -4 addr
docker run --rm --network container:base -p 80:80 alpine true
docker run --rm --network container:base -h other alpine true
docker run --rm --network container:base --dns 1.1.1.1 alpine true
docker run --rm --network container:base --add-host a:1.2.3.4 alpine true
docker run --rm --network container:base --link base:b alpine true
docker run --rm --network container:nosuch alpine true
docker stop base
docker run --rm --network container:base alpine true
docker run --rm --network host --link base alpine true
docker network connect bridge h1
