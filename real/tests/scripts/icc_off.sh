# A network with inter-container communication off: Docker's `-i br -o br -j DROP` in FORWARD,
# which sees bridged frames through br_netfilter (bridge-nf-call-iptables=1).
docker network create -o com.docker.network.bridge.enable_icc=false quiet
docker run -dit --name q1 --network quiet alpine ash
docker run -dit --name q2 --network quiet alpine ash
