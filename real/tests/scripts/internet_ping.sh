# Pings that leave docker0: a container to the LAN's stand-in Internet (8.8.8.8, on
# docknet-router's lo), MASQUERADEd on the way out; the host to the container. verify replays
# them last in both worlds (SCRIPT rows) and compares the counters they moved.
docker run -dit --name alpine1 alpine ash
docker exec alpine1 ping -c 2 8.8.8.8
ping -c 1 172.17.0.2
