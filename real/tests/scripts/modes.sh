# Host, none and container network modes.
docker run -d --name h1 --network host nginx
docker run -dit --name nobody --network none alpine ash
docker run -dit --name base alpine ash
docker run -dit --name guest --network container:base alpine ash
