# What the images carry, and installing at run time (issue 10, items 6 and 7).
# ubuntu:latest is 24.04: coreutils and apt, but no ip, no ifconfig, no ping, and no package lists yet.
docker run -dit --name u1 ubuntu
docker exec u1 cat /etc/os-release
docker exec u1 ip addr
docker exec u1 ifconfig
docker exec u1 apt-get install -y net-tools
docker exec u1 apt-get update
docker exec u1 apt-get install -y net-tools
docker exec u1 route -n
# Another container of the same image has none of that.
docker run -dit --name u2 ubuntu
docker exec u2 route -n
# Inside an interactive shell on debian (bookworm).
docker run -dit --name d1 debian
docker exec -it d1 bash
cat /etc/os-release
apt-get install -y net-tools
apt-get update
apt-get install -y net-tools
route -n
apt-get install -y iputils-ping
ping -c 1 8.8.8.8
exit
# alpine and busybox: their applets; apk on alpine.
docker run -dit --name a1 alpine
docker exec a1 cat /etc/os-release
docker exec a1 apt-get update
docker exec a1 apk add --no-cache tcpdump
docker run -d --name t1 busybox top
docker exec t1 cat /etc/os-release
# Entrypoints: redis's prepends redis-server to options; mysql's runs any other command as given.
docker run -d --name r1 redis --appendonly yes
docker run -d --name web nginx:alpine
docker ps
docker run --rm mysql:8.0 cat /etc/os-release
# The Docker host is Debian too.
apt-get install -y bridge-utils
