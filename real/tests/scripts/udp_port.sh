# A published UDP port: docker-proxy holds udp 0.0.0.0:5353 in the host's namespace, the nat
# DOCKER chain DNATs udp 5353 to the container's :53 (where nothing listens).
docker run -dit --name dns1 -p 5353:53/udp alpine ash
docker run -dit --name peer alpine ash
