# A user-defined bridge with two containers, and one container left on docker0.
docker network create mybridge
docker run -dit --name nginx2 --network mybridge alpine ash
docker run -dit --name nginx3 --network mybridge alpine ash
docker run -dit --name web alpine ash
docker exec nginx2 ping -c 1 nginx3
