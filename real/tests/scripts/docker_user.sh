# A rule of the student's own in DOCKER-USER: alpine1's ping to 1.1.1.1 is dropped there, the
# one to 8.8.8.8 goes out MASQUERADEd. verify replays both last and compares the counters.
docker run -dit --name alpine1 alpine ash
iptables -I DOCKER-USER -i docker0 -d 1.1.1.1 -j DROP
docker exec alpine1 ping -c 1 1.1.1.1
docker exec alpine1 ping -c 1 8.8.8.8
