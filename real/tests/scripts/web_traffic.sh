# A published nginx and a client: the script's own HTTP traffic, for capture --out.
docker run -d --name web -p 8080:80 nginx
docker run -dit --name client alpine ash
docker exec client wget -qO- http://172.17.0.2/
curl -s http://localhost:8080/
docker exec client nc -z 172.17.0.2 81
