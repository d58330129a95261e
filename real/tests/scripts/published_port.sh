# A published port: DNAT in the host's nat table.
docker run -d --name db -e MYSQL_ROOT_PASSWORD=1234 -p 3306:3306 mysql:5.7.8
docker run -d --name nginx -p 8080:80 nginx
