# Publishing ports: every -p form, conflicts and the rules behind them.
docker run -d --name web1 -p 8080:80 nginx
docker run -d --name web2 -p 127.0.0.1:8081:80 nginx
docker run -d --name web3 -p 80 nginx
docker run -d --name web4 -p 127.0.0.1::80 -p 5353:53/udp nginx
docker ps --format '{{.Names}}\t{{.Ports}}'
docker port web1
docker port web3 80
docker port web1 81
docker run -d --name web5 -p 8080:80 nginx
docker ps -a --filter name=web5 --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.State.Status}}' web5
iptables -t nat -S
iptables -S DOCKER
curl -s http://10.0.2.15:8080/ | grep title
curl http://172.17.0.1:9999/
docker exec web1 curl -s -o /dev/null -w '%{http_code}\n' http://172.17.0.3/
docker run -d --name hostweb --network host nginx
docker run -d --name web6 -p 80:80 nginx
docker run -p abc:80 nginx
docker run -p 80:abc nginx
docker run -p 80:80/xyz nginx
docker run -p 1.2.3:80:80 nginx
docker run -p 70000:80 nginx
docker run -p 8000-8002:80-81 nginx
