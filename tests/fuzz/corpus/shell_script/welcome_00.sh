# The tutorial's opening state: images with ping added, db publishing 3306, nginx, on docker0.
cat > Dockerfile.mysql <<'EOF'
FROM mysql:5.7.8
RUN apt-get update
RUN apt-get install -y net-tools
RUN apt-get install -y iputils-ping
EOF
cat > Dockerfile.nginx <<'EOF'
FROM nginx:latest
RUN apt-get update
RUN apt-get install -y net-tools
RUN apt-get install -y iputils-ping
EOF
docker build -q -t mysql-custom -f Dockerfile.mysql .
docker build -q -t nginx-custom -f Dockerfile.nginx .
docker run --name db -e MYSQL_ROOT_PASSWORD=1234 -p 3306:3306 -d mysql-custom
docker run --name nginx -d nginx-custom
