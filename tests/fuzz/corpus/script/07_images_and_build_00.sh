# Images: pull, build (and what goes wrong), the tools an image has.
docker pull nginx
docker pull nginx
docker pull nosuchimage
docker images
cat > Dockerfile <<'EOF2'
FROM alpine:latest
RUN apk add --no-cache curl bind-tools
EXPOSE 8080
CMD ["sleep", "3600"]
EOF2
docker build -t tools .
docker images --format '{{.Repository}}:{{.Tag}}'
docker run -d --name toolbox tools
docker exec toolbox curl -sS http://172.17.0.1/
docker exec toolbox nslookup example.com
cat > Dockerfile.bad <<'EOF2'
FROM debian:bookworm
RUN apt-get install -y iputils-ping
EOF2
docker build -t bad -f Dockerfile.bad .
cat > Dockerfile.typo <<'EOF2'
FRM alpine
EOF2
docker build -t typo -f Dockerfile.typo .
docker build -t missing -f Nope .
docker run --rm ubuntu ping -c 1 8.8.8.8
docker run --rm busybox ping -c 1 8.8.8.8
