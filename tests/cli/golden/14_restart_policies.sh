# Docker's "Start containers automatically" page: --restart's policies, a container waiting to be
# restarted (docker ps, inspect), on-failure's limit, stops that no policy undoes, docker update,
# and what comes back when the daemon restarts; the refusals in the CLI's and the daemon's words.
docker run -d --name looping --restart always alpine sh -c 'echo started; exit 1'
docker ps --format '{{.Names}}\t{{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Restarting}} {{.RestartCount}}' looping
docker exec looping true
docker stop looping
docker logs looping
docker run -d --name flaky --restart on-failure:2 alpine sh -c 'echo try; exit 3'
sleep 2
docker ps -a --filter name=flaky --format '{{.Names}}\t{{.Status}}'
docker inspect -f '{{json .HostConfig.RestartPolicy}} {{.RestartCount}}' flaky
docker network create appnet
docker run -d --name db --network appnet --restart always redis
docker run -d --name worker --network appnet --restart unless-stopped alpine sleep 1000
docker run -d --name once alpine sleep 1000
docker stop worker
systemctl restart docker
docker ps -a --format '{{.Names}}\t{{.Status}}'
docker update --restart always worker
systemctl restart docker
docker ps --format '{{.Names}}\t{{.Status}}'
docker exec worker ping -c 1 db
docker run --rm --restart always alpine true
docker run --restart sometimes alpine true
docker run --restart on-failure:x alpine true
docker run --restart always:3 alpine true
docker update worker
