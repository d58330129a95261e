// The built-in images' userland: the tools their base system has (and has not), and the
// release files they ship.
#include <catch2/catch.hpp>

#include "sim/docker/image_catalog.hpp"

using namespace sim::docker;

TEST_CASE("userland: ubuntu and debian have coreutils and apt but no network tools or procps") {
    ImageCatalog c;
    for (const char* ref : {"ubuntu", "ubuntu:22.04", "debian", "nginx", "redis", "postgres", "httpd", "mysql:5.7.8"}) {
        INFO(ref);
        const ImageConfig* i = c.find(ref);
        for (const char* t : {"ls", "cat", "head", "tail", "true", "false", "sleep", "env", "id", "uname", "grep", "sed",
                              "apt-get", "apt", "dpkg", "bash", "sh"})
            REQUIRE(i->hasTool(t));
        for (const char* t : {"ip", "ping", "ps", "top", "ss", "netstat", "ifconfig", "wget", "less", "vi"})
            REQUIRE_FALSE(i->hasTool(t));
    }
}

TEST_CASE("userland: alpine and busybox carry their applets") {
    ImageCatalog c;
    for (const char* ref : {"alpine", "busybox", "nginx:alpine"}) {
        INFO(ref);
        const ImageConfig* i = c.find(ref);
        for (const char* t : {"top", "tail", "true", "ls", "ps", "ping", "ip", "nslookup", "wget", "vi", "awk"})
            REQUIRE(i->hasTool(t));
        REQUIRE_FALSE(i->hasTool("bash"));
        REQUIRE_FALSE(i->hasTool("apt-get"));
    }
    REQUIRE(c.find("alpine")->hasTool("apk"));
    REQUIRE_FALSE(c.find("busybox")->hasTool("apk"));
    REQUIRE(c.find("busybox")->hasTool("telnet"));
    REQUIRE_FALSE(c.find("alpine")->hasTool("telnet"));  // busybox-extras on Alpine
}

TEST_CASE("userland: the images' own programs") {
    ImageCatalog c;
    REQUIRE(c.find("redis")->hasTool("redis-cli"));
    REQUIRE(c.find("redis")->hasTool("redis-server"));
    REQUIRE(c.find("postgres")->hasTool("psql"));
    REQUIRE(c.find("mysql")->hasTool("mysql"));
    REQUIRE(c.find("mysql")->hasTool("microdnf"));
    REQUIRE_FALSE(c.find("mysql")->hasTool("apt-get"));
    REQUIRE_FALSE(c.find("mysql")->hasTool("hostname"));
    REQUIRE(c.find("nginx")->hasTool("curl"));
    REQUIRE(c.find("nginx:alpine")->hasTool("curl"));
}

TEST_CASE("userland: nginx:alpine is the tutorials' alpine nginx") {
    ImageCatalog c;
    const ImageConfig* i = c.find("nginx:alpine");
    REQUIRE(i);
    REQUIRE(i->service == Service::Nginx);
    REQUIRE(i->userland == Userland::Alpine);
    REQUIRE(i->entrypoint == std::vector<std::string>{"/docker-entrypoint.sh"});
    REQUIRE(i->cmd == std::vector<std::string>{"nginx", "-g", "daemon off;"});
    REQUIRE(i->id != c.find("nginx")->id);
    REQUIRE(i->files.at("/etc/os-release").find("PRETTY_NAME=\"Alpine Linux v3.20\"") != std::string::npos);
}

TEST_CASE("userland: /etc/os-release as each base image ships it") {
    ImageCatalog c;
    REQUIRE(c.find("ubuntu")->files.at("/etc/os-release") ==
            "PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\n"
            "NAME=\"Ubuntu\"\n"
            "VERSION_ID=\"24.04\"\n"
            "VERSION=\"24.04.1 LTS (Noble Numbat)\"\n"
            "VERSION_CODENAME=noble\n"
            "ID=ubuntu\n"
            "ID_LIKE=debian\n"
            "HOME_URL=\"https://www.ubuntu.com/\"\n"
            "SUPPORT_URL=\"https://help.ubuntu.com/\"\n"
            "BUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\n"
            "PRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy\"\n"
            "UBUNTU_CODENAME=noble\n"
            "LOGO=ubuntu-logo\n");
    REQUIRE(c.find("debian")->files.at("/etc/os-release") ==
            "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
            "NAME=\"Debian GNU/Linux\"\n"
            "VERSION_ID=\"12\"\n"
            "VERSION=\"12 (bookworm)\"\n"
            "VERSION_CODENAME=bookworm\n"
            "ID=debian\n"
            "HOME_URL=\"https://www.debian.org/\"\n"
            "SUPPORT_URL=\"https://www.debian.org/support\"\n"
            "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n");
    REQUIRE(c.find("ubuntu:22.04")->files.at("/etc/os-release").find("VERSION_CODENAME=jammy\n") != std::string::npos);
    REQUIRE(c.find("nginx")->files.at("/etc/os-release") == c.find("debian")->files.at("/etc/os-release"));
    REQUIRE(c.find("mysql")->files.at("/etc/os-release").starts_with("NAME=\"Oracle Linux Server\"\n"));
    REQUIRE(c.find("alpine")->files.at("/etc/alpine-release") == "3.20.3\n");
    REQUIRE(c.find("busybox")->files.empty());
}
