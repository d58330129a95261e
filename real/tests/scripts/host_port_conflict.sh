# The tutorial's host-mode port conflict: nginx publishes :80 (docker-proxy holds 0.0.0.0:80 on
# the host), then a host-mode nginx binds 0.0.0.0:80 in the host's namespace: EADDRINUSE; a host-mode mysql on 3306 binds.
docker run -d --name web -p 80:80 nginx
docker run -d --name web4 --net=host nginx
docker run -d --name hostdb --net=host -e MYSQL_ROOT_PASSWORD=pw mysql
