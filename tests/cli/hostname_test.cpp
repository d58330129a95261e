// Issue 10: --hostname/-h and --domainname as Docker 27 takes them. Neither the CLI nor the daemon
// validates them; runc's init calls sethostname(2)/setdomainname(2), which refuse more than 64
// bytes (EINVAL), so a long name fails the start and leaves the container Created. The domain
// name joins the hostname in the container's own /etc/hosts line (libnetwork updateHostsFile).
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

const std::string kStartFailure =
    "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime "
    "create failed: runc create failed: unable to start container process: error during container init: ";

}  // namespace

TEST_CASE("a hostname or domain name longer than 64 bytes fails the start", "[cli][hostname]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    const std::string n64(64, 'a');
    CHECK(h.run("docker run --rm -h " + n64 + " alpine hostname") == std::pair<std::string, int>{n64 + "\n", 0});
    const auto [out, code] = h.run("docker run -d --name long -h " + n64 + "b alpine sleep 100");
    CHECK(code == 125);
    CHECK(out.substr(65) == kStartFailure + "sethostname: invalid argument: unknown.\n");
    CHECK(h.run("docker ps -a -f name=long --format '{{.Status}}'").first == "Created\n");
    CHECK(h.run("docker inspect -f '{{.State.ExitCode}} {{.Config.Hostname}}' long").first == "128 " + n64 + "b\n");
    const auto [dom, domCode] = h.run("docker run --rm --domainname " + n64 + ".x alpine true");
    CHECK(domCode == 125);
    CHECK(dom.ends_with("setdomainname: invalid argument: unknown.\n"));
    // Any characters are taken: the kernel only counts bytes.
    CHECK(h.run("docker run --rm -h my_host alpine hostname").first == "my_host\n");
}

TEST_CASE("domainname joins the hostname in /etc/hosts and inspect", "[cli][hostname]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name web -h web --domainname example.com alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{.Config.Hostname}} {{.Config.Domainname}}' web").first == "web example.com\n");
    CHECK(h.run("docker exec web tail -n 1 /etc/hosts").first == "172.17.0.2\tweb.example.com web\n");
    CHECK(h.run("docker exec web hostname").first == "web\n");
    CHECK(h.run("docker exec web hostname -f").first == "web.example.com\n");
    CHECK(h.run("docker exec web hostname -d").first == "example.com\n");
    // Without -h the short id is the host part.
    REQUIRE(h.run("docker run -dit --name anon --domainname lab.test alpine").second == 0);
    const std::string id = h.run("docker inspect -f '{{.Id}}' anon").first.substr(0, 12);
    CHECK(h.run("docker exec anon tail -n 1 /etc/hosts").first == "172.17.0.3\t" + id + ".lab.test " + id + "\n");
    CHECK(h.run("docker exec anon hostname -f").first == id + ".lab.test\n");
    // Without a domain name: busybox prints no domain at all, Debian's hostname an empty line.
    REQUIRE(h.run("docker pull -q debian").second == 0);
    REQUIRE(h.run("docker run -dit --name plain -h plain alpine").second == 0);
    CHECK(h.run("docker exec plain hostname -d") == std::pair<std::string, int>{"", 0});
    CHECK(h.run("docker exec plain hostname -f").first == "plain\n");
    CHECK(h.run("docker run --rm -h deb debian hostname -d") == std::pair<std::string, int>{"\n", 0});
    CHECK(h.run("docker run --rm -h deb --domainname example.org debian hostname --fqdn").first == "deb.example.org\n");
    // Container mode shares the donor's names, so --domainname is taken from the donor.
    REQUIRE(h.run("docker run -dit --name side --network container:web alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{.Config.Domainname}}' side").first == "example.com\n");
    // Host mode keeps a given hostname (the container still has its own UTS namespace).
    CHECK(h.run("docker run --rm --network host -h custom alpine hostname").first == "custom\n");
}
