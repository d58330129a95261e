docker exec bb wget -q http://172.17.0.3/
docker exec bb grep title /index.html
