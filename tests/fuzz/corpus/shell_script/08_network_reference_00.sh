# The docker network ls|inspect|connect|disconnect|rm|prune reference pages, typed as published.
docker network create --label com.example.project=web --label env frontend
docker network create --label com.example.project=db backend
docker network create backend2
docker run -dit --name web --network frontend alpine ash
docker network ls
docker network ls --no-trunc --filter name=front
docker network ls -f driver=bridge
docker network ls -f driver=bridge -f driver=null
docker network ls -f name=back -f name=^front
docker network ls -f label=env
docker network ls -f label=com.example.project=db
docker network ls -f label=com.example.project -f label=env
docker network ls -f scope=local -q
docker network ls -f scope=swarm
docker network ls -f type=custom
docker network ls -f type=builtin
docker network ls -f type=custom -f type=builtin
docker network ls -f type=other
docker network ls -f dangling=true
docker network ls -f dangling=false
docker network ls -f dangling=maybe
docker network ls -f dangling=true -f dangling=false
docker network ls -f foo=bar
docker network ls -f nofilter
docker network ls --format "{{.ID}}: {{.Driver}}" -f name=frontend
docker network ls --format '{{.Name}} {{.Label "com.example.project"}}|{{.Labels}}' -f type=custom
docker network ls --format 'table {{.Name}}\t{{.Driver}}\t{{.Internal}}\t{{.IPv6}}' -f type=custom
docker network ls --format json -f name=backend2
docker network ls -q --format '{{.Name}}' -f type=custom
