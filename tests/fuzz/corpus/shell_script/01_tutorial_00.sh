# The Korean tutorial (shared/seed/docker-network-modes.ko.md), end to end.
docker network ls
docker network inspect bridge -f '{{range .IPAM.Config}}{{.Subnet}} gw {{.Gateway}}{{end}}'

# Images with ifconfig and ping added, as the tutorial builds them.
cat > Dockerfile.mysql <<'EOF2'
FROM mysql:5.7.8
RUN apt-get update
RUN apt-get install -y net-tools
RUN apt-get install -y iputils-ping
EOF2
cat > Dockerfile.nginx <<'EOF2'
FROM nginx:latest
RUN apt-get update
RUN apt-get install -y net-tools
RUN apt-get install -y iputils-ping
EOF2
docker build -q -t mysql-custom -f Dockerfile.mysql .
docker build -q -t nginx-custom -f Dockerfile.nginx .
docker images

# Bridge mode: every container gets an address on docker0's 172.17.0.0/16.
docker run --name web -d nginx-custom
docker run --name db -e MYSQL_ROOT_PASSWORD=1234 -p 3306:3306 -d mysql-custom
docker exec db ifconfig eth0
docker run --name nginx -d -p 80:80 nginx-custom
ping -c 2 172.17.0.3
docker exec nginx ping -c 2 172.17.0.3
docker exec nginx ping -c 1 db

# --link: the name goes into the recipient's /etc/hosts, one way only.
docker run --name nginx1 --link nginx:nginx -d nginx-custom
docker exec nginx1 cat /etc/hosts
docker exec nginx1 ping -c 1 nginx
docker exec nginx ping -c 1 nginx1
docker exec nginx1 env | grep NGINX_ | sort

# A user-defined bridge: names resolve through Docker's DNS at 127.0.0.11.
docker network create mybridge
docker run --name nginx2 --network mybridge -d nginx-custom
