# Two bridges: a container on docker0 pings one on a user-defined network, and Docker's
# DOCKER-ISOLATION-STAGE-2 drops it. verify replays the ping last in both worlds: no reply in
# either, and the isolation DROP counts it in both.
docker network create isolated
docker run -dit --name a1 alpine ash
docker run -dit --name b1 --network isolated alpine ash
docker exec a1 ping -c 1 172.18.0.2
