# The tutorial's bridge mode: two containers on docker0 ping each other by IP.
docker run -dit --name alpine1 alpine ash
docker run -dit --name alpine2 alpine ash
docker exec alpine1 ping -c 1 172.17.0.3
docker exec alpine2 ping -c 1 172.17.0.2
