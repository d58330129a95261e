docker info
docker info --format '{{.ServerVersion}}'
docker system info --format '{{.Driver}} {{.NCPU}} {{.Plugins.Network}}'
docker run -dit --name a1 alpine ash
docker attach a1
hostname
ps

echo $?
docker ps --format '{{.Names}} {{.Status}}'
docker attach --detach-keys ctrl-x,x a1
echo hi
x
docker attach --detach-keys foo a1
docker attach a1
exit
docker ps -a --format '{{.Names}} {{.Status}}'
docker attach a1
docker container attach nosuch
docker run -it --name a2 alpine

docker exec -it a2 sh
ps

docker ps --format '{{.Names}} {{.Status}}'
docker run -d --name web -p 8080:80 nginx
docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql
netstat -tlnp
ss -ltnp
ps
ps -ef
ps aux
docker exec web ps
docker exec db netstat -tlnp
docker run -d --name bb busybox sleep 1d
docker exec bb ps
docker exec bb ps -o pid,comm
docker exec bb netstat -tulpn
sleep 1.5
sleep 2m
sleep 1x
curl -I http://localhost:8080
curl -sI localhost:8080
curl -s -o /tmp/page.html localhost:8080
grep title /tmp/page.html
curl -v http://localhost:8080/ -o /dev/null
curl --bogus localhost:8080
docker exec bb ping -q -c 2 -s 100 172.17.0.2
ping -q -c 1 172.17.0.2
ping -z 172.17.0.2
ip -br a
ip -br link
docker exec bb ip -br a
echo hello-world | cut -c 1-5
echo hello-world | cut -c 7-
echo abcdef | cut -c 2,4
echo a:b:c | cut -d: -f2-
cut -c
echo x | cut -c 0
docker run -d --name h1 --network host nginx
netstat -tulpn | grep :80
ss -ltnp | grep nginx
docker exec a2 ps -o pid,ppid,comm
