// The official images' entrypoint scripts: what they exec for the arguments Docker gives them.
#include <catch2/catch.hpp>

#include "sim/docker/entrypoint_scripts.hpp"

using namespace sim::docker;
using Argv = std::vector<std::string>;

TEST_CASE("entrypoint: redis prepends redis-server to an option or a .conf file") {
    ImageCatalog c;
    const ImageConfig* redis = c.find("redis");
    REQUIRE(entrypointExec(redis, {"docker-entrypoint.sh", "--appendonly", "yes"}) ==
            Argv{"redis-server", "--appendonly", "yes"});
    REQUIRE(entrypointExec(redis, {"docker-entrypoint.sh", "/usr/local/etc/redis/redis.conf"}) ==
            Argv{"redis-server", "/usr/local/etc/redis/redis.conf"});
    REQUIRE(entrypointExec(redis, {"docker-entrypoint.sh", "redis-server"}) == Argv{"redis-server"});
    REQUIRE(entrypointExec(redis, {"docker-entrypoint.sh", "redis-cli", "-h", "r1"}) == Argv{"redis-cli", "-h", "r1"});
}

TEST_CASE("entrypoint: postgres and mysql prepend their server to an option, nginx does not") {
    ImageCatalog c;
    REQUIRE(entrypointExec(c.find("postgres"), {"docker-entrypoint.sh", "-c", "fsync=off"}) ==
            Argv{"postgres", "-c", "fsync=off"});
    REQUIRE(entrypointExec(c.find("mysql"), {"docker-entrypoint.sh", "--character-set-server=utf8mb4"}) ==
            Argv{"mysqld", "--character-set-server=utf8mb4"});
    REQUIRE(entrypointExec(c.find("mysql:5.7.8"), {"/entrypoint.sh", "--skip-name-resolve"}) ==
            Argv{"mysqld", "--skip-name-resolve"});
    REQUIRE(entrypointExec(c.find("nginx"), {"/docker-entrypoint.sh", "-g", "daemon off;"}) == Argv{"-g", "daemon off;"});
    REQUIRE(entrypointExec(c.find("nginx"), {"/docker-entrypoint.sh", "nginx", "-g", "daemon off;"}) ==
            Argv{"nginx", "-g", "daemon off;"});
}

TEST_CASE("entrypoint: a process that is no entrypoint script runs as given") {
    ImageCatalog c;
    REQUIRE(entrypointExec(c.find("alpine"), {"ping", "-c", "1", "8.8.8.8"}) == Argv{"ping", "-c", "1", "8.8.8.8"});
    REQUIRE(entrypointExec(c.find("redis"), {"docker-entrypoint.sh"}) == Argv{"docker-entrypoint.sh"});
    REQUIRE(entrypointExec(nullptr, {"docker-entrypoint.sh", "-x"}) == Argv{"-x"});
}
