// The listeners' HTTP answer (the sim's bytes for nginx and httpd) and the pcapng file capture
// --out writes, read back with libpcap. No root needed.
#include <pcap/pcap.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "real/http_responder.hpp"
#include "real/pcapng_writer.hpp"
#include "sim/tools/tcp_probe.hpp"

using namespace docknet::real;

TEST_CASE("http answer: nginx sends its headers and the welcome page, as the sim's curl shows") {
    const std::string get = "GET / HTTP/1.1\r\nHost: 172.17.0.2\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
    const std::string a = httpAnswer("nginx", get, 1700000000);
    const std::string& page = sim::tools::nginxWelcomePage();
    CHECK(a.starts_with("HTTP/1.1 200 OK\r\nServer: nginx/1.27.2\r\nDate: Tue, 14 Nov 2023 22:13:20 GMT\r\n"));
    CHECK(a.find("\r\nContent-Length: " + std::to_string(page.size()) + "\r\n") != std::string::npos);
    REQUIRE(a.size() > page.size());
    CHECK(a.substr(a.size() - page.size()) == page);
    CHECK(a == sim::tools::httpResponseHeaders(sim::tools::httpReplyOf("nginx"), 1700000000) + page);
}

TEST_CASE("http answer: HEAD gets the headers only, httpd its own page, mysqld no reply") {
    const std::string head = httpAnswer("nginx", "HEAD / HTTP/1.1\r\n\r\n", 0);
    CHECK(head.ends_with("\r\n\r\n"));
    CHECK(head.find("Welcome to nginx") == std::string::npos);
    const std::string httpd = httpAnswer("httpd", "GET / HTTP/1.1\r\n\r\n", 0);
    CHECK(httpd.find("Server: Apache/2.4.62 (Unix)") != std::string::npos);
    CHECK(httpd.ends_with("<html><body><h1>It works!</h1></body></html>\n"));
    CHECK(answersHttp("nginx"));
    CHECK(answersHttp("httpd"));
    CHECK_FALSE(answersHttp("mysqld"));
    CHECK(httpAnswer("mysqld", "GET / HTTP/1.1\r\n\r\n", 0).empty());  // closes without a reply, as in the sim
    CHECK(servesConnections("mysqld"));
    CHECK_FALSE(servesConnections("docker-proxy"));
}

TEST_CASE("pcapng writer: two interfaces, frames read back by libpcap on the right one") {
    char path[] = "/tmp/docknet-pcapng-test.XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    ::close(fd);
    auto w = PcapngWriter::create(path, {{"docknet-host/docker0"}, {"docknet-host/br-0123456789ab"}});
    REQUIRE(w);
    const std::uint8_t frame[60] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x42, 0xac, 0x11, 0x00, 0x02, 0x08, 0x06};
    REQUIRE(w->write(1, 1700000000, 250000, frame, 42, 60));
    REQUIRE(w->write(0, 1700000001, 5, frame, 60, 60));
    REQUIRE(w->close());

    char err[PCAP_ERRBUF_SIZE] = {};
    pcap_t* p = pcap_open_offline(path, err);
    REQUIRE(p != nullptr);
    CHECK(pcap_datalink(p) == DLT_EN10MB);
    pcap_pkthdr* h = nullptr;
    const u_char* data = nullptr;
    REQUIRE(pcap_next_ex(p, &h, &data) == 1);
    CHECK(h->ts.tv_sec == 1700000000);
    CHECK(h->ts.tv_usec == 250000);
    CHECK(h->caplen == 42);
    CHECK(h->len == 60);
    CHECK(data[7] == 0x42);
    REQUIRE(pcap_next_ex(p, &h, &data) == 1);
    CHECK(h->ts.tv_usec == 5);
    CHECK(pcap_next_ex(p, &h, &data) == PCAP_ERROR_BREAK);  // end of file, nothing torn
    pcap_close(p);
    ::unlink(path);
}
