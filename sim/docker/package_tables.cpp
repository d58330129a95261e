// The package tables (package_tables.hpp): what apt, apk and microdnf can install.
#include "sim/docker/package_tables.hpp"

namespace sim::docker {

// Debian bookworm; reused for jessie/jammy/noble except the overrides below.
const std::vector<Pkg>& aptPackages() {
    static const std::vector<Pkg> t = {
        {"net-tools", "2.10-0.1", 243000, 1001000, "", "ifconfig arp route netstat"},
        {"iputils-ping", "3:20221126-1+deb12u1", 47176, 147000, "libcap2-bin libpam-cap", "ping"},
        {"iputils-tracepath", "3:20221126-1+deb12u1", 39400, 84000, "", "tracepath"},
        {"iputils-arping", "3:20221126-1+deb12u1", 31200, 73700, "", "arping"},
        {"libcap2-bin", "1:2.66-4", 34656, 104000, "", ""},
        {"libpam-cap", "1:2.66-4", 14468, 60400, "", ""},
        {"iproute2", "6.1.0-3", 1046000, 3363000, "libatm1 libbpf1 libcap2-bin libelf1 libmnl0 libpam-cap libxtables12",
         "ip ss bridge"},
        {"libatm1", "1:2.5.1-4+b2", 68500, 153000, "", ""},
        {"libbpf1", "1:1.1.0-1", 145000, 377000, "", ""},
        {"libelf1", "0.188-2.1", 174000, 1010000, "", ""},
        {"libmnl0", "1.0.4-3", 12500, 48100, "", ""},
        {"libxtables12", "1.8.9-2", 30800, 96300, "", ""},
        {"curl", "7.88.1-10+deb12u7", 315000, 500000,
         "ca-certificates libbrotli1 libcurl4 libldap-2.5-0 libldap-common libnghttp2-14 libpsl5 librtmp1 libsasl2-2 "
         "libsasl2-modules libsasl2-modules-db libssh2-1 openssl publicsuffix",
         "curl"},
        {"ca-certificates", "20230311", 153000, 395000, "openssl", ""},
        {"openssl", "3.0.14-1~deb12u2", 1423000, 2301000, "", "openssl"},
        {"libbrotli1", "1.0.9-2+b6", 269000, 784000, "", ""},
        {"libcurl4", "7.88.1-10+deb12u7", 390000, 873000, "", ""},
        {"libldap-2.5-0", "2.5.13+dfsg-5", 183000, 542000, "", ""},
        {"libldap-common", "2.5.13+dfsg-5", 29300, 185000, "", ""},
        {"libnghttp2-14", "1.52.0-1+deb12u1", 72300, 222000, "", ""},
        {"libpsl5", "0.21.2-1", 58600, 87000, "", ""},
        {"librtmp1", "2.4+20151223.gitfa8646d.1-2+b2", 60800, 147000, "", ""},
        {"libsasl2-2", "2.1.28+dfsg-10", 59700, 169000, "", ""},
        {"libsasl2-modules", "2.1.28+dfsg-10", 66600, 229000, "", ""},
        {"libsasl2-modules-db", "2.1.28+dfsg-10", 20300, 57300, "", ""},
        {"libssh2-1", "1.10.0-3+b1", 179000, 308000, "", ""},
        {"publicsuffix", "20230209.2326-1", 126000, 312000, "", ""},
        {"wget", "1.21.3-1+b2", 984000, 3786000, "ca-certificates libpsl5 openssl publicsuffix", "wget"},
        {"dnsutils", "1:9.18.28-1~deb12u2", 2900, 14000,
         "bind9-dnsutils bind9-host bind9-libs libfstrm0 libicu72 libjemalloc2 libjson-c5 liblmdb0 libmaxminddb0 "
         "libnghttp2-14 libprotobuf-c1 libuv1 libxml2",
         ""},
        {"bind9-dnsutils", "1:9.18.28-1~deb12u2", 156000, 657000,
         "bind9-host bind9-libs libfstrm0 libicu72 libjemalloc2 libjson-c5 liblmdb0 libmaxminddb0 libnghttp2-14 "
         "libprotobuf-c1 libuv1 libxml2",
         "nslookup dig nsupdate"},
        {"bind9-host", "1:9.18.28-1~deb12u2", 54500, 145000, "", "host"},
        {"bind9-libs", "1:9.18.28-1~deb12u2", 1178000, 3509000, "", ""},
        {"libfstrm0", "0.6.1-1", 21600, 61400, "", ""},
        {"libicu72", "72.1-3", 9376000, 36980000, "", ""},
        {"libjemalloc2", "5.3.0-1", 275000, 750000, "", ""},
        {"libjson-c5", "0.16-2", 44000, 92300, "", ""},
        {"liblmdb0", "0.9.24-1", 45000, 99500, "", ""},
        {"libmaxminddb0", "1.7.1-1", 29800, 72700, "", ""},
        {"libprotobuf-c1", "1.4.1-1+b1", 27700, 63500, "", ""},
        {"libuv1", "1.44.2-1", 139000, 538000, "", ""},
        {"libxml2", "2.9.14+dfsg-1.3~deb12u1", 687000, 2056000, "", ""},
        {"netcat-openbsd", "1.219-1", 41900, 110000, "libbsd0", "nc"},
        {"netcat-traditional", "1.10-47", 67900, 153000, "", "nc"},
        {"libbsd0", "0.11.7-2", 117000, 322000, "", ""},
        {"procps", "2:4.0.2-3", 709000, 2263000, "libgpm2 libncursesw6 libproc2-0 psmisc", "ps top free pgrep pkill"},
        {"libproc2-0", "2:4.0.2-3", 62700, 172000, "", ""},
        {"libgpm2", "1.20.7-10+b1", 14200, 35900, "", ""},
        {"libncursesw6", "6.4-4", 134000, 411000, "", ""},
        {"psmisc", "23.6-1", 259000, 901000, "", "killall pstree fuser"},
        {"traceroute", "1:2.1.2-1", 59000, 183000, "", "traceroute"},
        {"tcpdump", "4.99.3-1", 465000, 1271000, "libdbus-1-3 libpcap0.8", "tcpdump"},
        {"libpcap0.8", "1.10.3-1", 156000, 389000, "", ""},
        {"libdbus-1-3", "1.14.10-1~deb12u1", 200000, 456000, "", ""},
        {"iptables", "1.8.9-2", 378000, 2716000,
         "libip4tc2 libip6tc2 libmnl0 libnetfilter-conntrack3 libnfnetlink0 libnftnl11 libxtables12 netbase",
         "iptables ip6tables iptables-save iptables-restore"},
        {"libip4tc2", "1.8.9-2", 19700, 47100, "", ""},
        {"libip6tc2", "1.8.9-2", 20200, 47100, "", ""},
        {"libnetfilter-conntrack3", "1.0.9-3", 40600, 112000, "", ""},
        {"libnfnetlink0", "1.0.2-2", 15000, 49200, "", ""},
        {"libnftnl11", "1.2.4-2", 62700, 218000, "", ""},
        {"netbase", "6.4", 12800, 41000, "", ""},
        {"telnet", "0.17+2.4-2+deb12u1", 5700, 12300, "inetutils-telnet", ""},
        {"inetutils-telnet", "2:2.4-2+deb12u1", 121000, 282000, "", "telnet"},
        {"vim", "2:9.0.1378-2", 1567000, 3742000, "libgpm2 libsodium23 vim-common vim-runtime xxd", "vim vi"},
        {"vim-common", "2:9.0.1378-2", 124000, 406000, "", ""},
        {"vim-runtime", "2:9.0.1378-2", 7025000, 36820000, "", ""},
        {"libsodium23", "1.0.18-1", 161000, 343000, "", ""},
        {"xxd", "2:9.0.1378-2", 83700, 186000, "", "xxd"},
        {"vim-tiny", "2:9.0.1378-2", 718000, 1711000, "vim-common", "vi"},
        {"nano", "7.2-1+deb12u1", 690000, 2734000, "libgpm2 libncursesw6", "nano"},
        {"less", "590-2.1~deb12u2", 132000, 305000, "", "less"},
        {"jq", "1.6-2.1", 64900, 103000, "libjq1 libonig5", "jq"},
        {"libjq1", "1.6-2.1", 135000, 359000, "", ""},
        {"libonig5", "6.9.8-1", 188000, 632000, "", ""},
        {"iperf3", "3.12-1+deb12u1", 33900, 99300, "libiperf0 libsctp1", "iperf3"},
        {"libiperf0", "3.12-1+deb12u1", 86900, 247000, "", ""},
        {"libsctp1", "1.0.19+dfsg-2", 29700, 62500, "", ""},
        {"socat", "1.7.4.4-2", 375000, 1456000, "libwrap0", "socat"},
        {"libwrap0", "7.6.q-32", 54900, 118000, "", ""},
        {"nmap", "7.93+dfsg1-1", 1922000, 4590000, "liblinear4 liblua5.3-0 libpcap0.8 libssh2-1 nmap-common",
         "nmap"},
        {"nmap-common", "7.93+dfsg1-1", 4161000, 21480000, "", ""},
        {"liblinear4", "2.3.0+dfsg-5", 44300, 116000, "", ""},
        {"liblua5.3-0", "5.3.6-2", 123000, 347000, "", ""},
        {"ethtool", "1:6.1-1", 197000, 641000, "libmnl0", "ethtool"},
        {"bridge-utils", "1.7.1-1", 35200, 102000, "", "brctl"},
        {"arping", "2.23-1", 31500, 79900, "libnet1", "arping"},
        {"libnet1", "1.1.6+dfsg-3.2", 56800, 144000, "", ""},
        {"conntrack", "1:1.4.7-1+b2", 36100, 122000, "libnetfilter-conntrack3 libnfnetlink0 libmnl0", "conntrack"},
        {"openssh-client", "1:9.2p1-2+deb12u3", 991000, 4283000, "libbsd0 libcbor0.8 libedit2 libfido2-1", "ssh scp"},
        {"libcbor0.8", "0.8.0-2+b1", 27300, 63500, "", ""},
        {"libedit2", "3.1-20221030-2", 88800, 263000, "", ""},
        {"libfido2-1", "1.12.0-2+b1", 79200, 236000, "", ""},
        {"mariadb-client", "1:10.11.6-0+deb12u1", 2905000, 62030000, "libncursesw6", "mysql mariadb mysqldump"},
        {"default-mysql-client", "1.1.0", 3100, 10200, "libncursesw6 mariadb-client", ""},
        {"postgresql-client", "15+248", 29000, 78000, "libpq5 postgresql-client-15", ""},
        {"postgresql-client-15", "15.8-0+deb12u1", 1732000, 8025000, "", "psql pg_dump"},
        {"libpq5", "15.8-0+deb12u1", 191000, 506000, "", ""},
        {"redis-tools", "5:7.0.15-1~deb12u1", 1000000, 4532000, "libjemalloc2 liblzf1", "redis-cli"},
        {"liblzf1", "3.6-3", 10400, 30700, "", ""},
        {"git", "1:2.39.5-0+deb12u1", 7264000, 37020000, "git-man liberror-perl", "git"},
        {"git-man", "1:2.39.5-0+deb12u1", 2053000, 12020000, "", ""},
        {"liberror-perl", "0.17029-2", 29700, 71700, "", ""},
        {"python3", "3.11.2-1+b1", 26300, 91100, "python3.11 python3-minimal", "python3"},
        {"python3.11", "3.11.2-6+deb12u3", 573000, 667000, "", "python3.11"},
        {"python3-minimal", "3.11.2-1+b1", 26400, 148000, "", ""},
        {"apt-utils", "2.6.1", 195000, 1109000, "", ""},
        {"gnupg", "2.2.40-1.1", 846000, 907000, "", "gpg"},
        {"sudo", "1.9.13p3-1+deb12u1", 1889000, 6199000, "", "sudo"},
        {"tzdata", "2024a-0+deb12u1", 256000, 1339000, "", ""},
        {"unzip", "6.0-28", 166000, 385000, "", "unzip"},
        {"zip", "3.0-13", 230000, 637000, "", "zip"},
        {"htop", "3.2.2-2", 153000, 390000, "libncursesw6 libnl-3-200 libnl-genl-3-200", "htop"},
        {"libnl-3-200", "3.7.0-0.2+b1", 61100, 194000, "", ""},
        {"libnl-genl-3-200", "3.7.0-0.2+b1", 21200, 62500, "", ""},
        {"lsof", "4.95.0-1", 315000, 477000, "", "lsof"},
        {"strace", "6.1-0.1", 1282000, 2784000, "", "strace"},
    };
    return t;
}

/// Per-distro version overrides (the tutorial's packages and a few others).
const char* aptVersionOverride(std::string_view distro, std::string_view pkg) {
    struct O {
        const char* distro;
        const char* pkg;
        const char* version;
    };
    static const O overrides[] = {
        {"jessie", "net-tools", "1.60-26+b1"},
        {"jessie", "iputils-ping", "3:20121221-5+b2"},
        {"jessie", "libcap2-bin", "1:2.24-8"},
        {"jessie", "curl", "7.38.0-4+deb8u16"},
        {"jammy", "net-tools", "1.60+git20181103.0eebece-1ubuntu5"},
        {"jammy", "iputils-ping", "3:20211215-1"},
        {"jammy", "libcap2-bin", "1:2.44-1ubuntu0.22.04.1"},
        {"jammy", "libpam-cap", "1:2.44-1ubuntu0.22.04.1"},
        {"jammy", "iproute2", "5.15.0-1ubuntu2"},
        {"jammy", "curl", "7.81.0-1ubuntu1.18"},
        {"noble", "net-tools", "2.10-0.1ubuntu4"},
        {"noble", "iputils-ping", "3:20240117-1build1"},
        {"noble", "libcap2-bin", "1:2.66-5ubuntu2"},
        {"noble", "libpam-cap", "1:2.66-5ubuntu2"},
        {"noble", "iproute2", "6.1.0-1ubuntu6"},
        {"noble", "curl", "8.5.0-2ubuntu10.4"},
    };
    for (const auto& o : overrides)
        if (distro == o.distro && pkg == o.pkg) return o.version;
    return nullptr;
}

const PkgSizes* aptSizeOverride(std::string_view distro, std::string_view pkg) {
    // noble, from real `apt-get install` runs in ubuntu:24.04 ("Need to get 91.1 kB ... 319 kB").
    static const PkgSizes sizes[] = {
        {"noble", "net-tools", 204000, 811000},
        {"noble", "iputils-ping", 44280, 155000},
        {"noble", "libcap2-bin", 34480, 104000},
        {"noble", "libpam-cap", 12380, 60000},
    };
    for (const auto& s : sizes)
        if (distro == s.distro && pkg == s.pkg) return &s;
    return nullptr;
}

// Alpine 3.20.
const std::vector<Pkg>& apkPackages() {
    static const std::vector<Pkg> t = {
        {"curl", "8.10.1-r0", 0, 270000, "ca-certificates brotli-libs c-ares libidn2 libpsl libunistring nghttp2-libs zstd-libs libcurl", "curl"},
        {"ca-certificates", "20240705-r0", 0, 680000, "", ""},
        {"brotli-libs", "1.1.0-r2", 0, 349000, "", ""},
        {"c-ares", "1.33.1-r0", 0, 205000, "", ""},
        {"libidn2", "2.3.7-r0", 0, 135000, "", ""},
        {"libpsl", "0.21.5-r1", 0, 26000, "", ""},
        {"libunistring", "1.2-r0", 0, 1640000, "", ""},
        {"nghttp2-libs", "1.62.1-r0", 0, 163000, "", ""},
        {"zstd-libs", "1.5.6-r0", 0, 598000, "", ""},
        {"libcurl", "8.10.1-r0", 0, 601000, "", ""},
        {"bind-tools", "9.18.31-r0", 0, 1180000, "bind-libs fstrm json-c libuv protobuf-c libxml2 xz-libs", "nslookup dig host"},
        {"bind-libs", "9.18.31-r0", 0, 4810000, "", ""},
        {"fstrm", "0.6.1-r4", 0, 26000, "", ""},
        {"json-c", "0.17-r0", 0, 67000, "", ""},
        {"libuv", "1.48.0-r0", 0, 205000, "", ""},
        {"protobuf-c", "1.5.0-r0", 0, 35000, "", ""},
        {"libxml2", "2.12.7-r0", 0, 1240000, "", ""},
        {"xz-libs", "5.6.2-r0", 0, 205000, "", ""},
        {"iproute2", "6.9.0-r0", 0, 6000, "iproute2-minimal iproute2-ss iproute2-tc libcap2 libelf libmnl", "ip ss bridge"},
        {"iproute2-minimal", "6.9.0-r0", 0, 612000, "", ""},
        {"iproute2-ss", "6.9.0-r0", 0, 143000, "", ""},
        {"iproute2-tc", "6.9.0-r0", 0, 475000, "", ""},
        {"libcap2", "2.70-r0", 0, 26000, "", ""},
        {"libelf", "0.191-r0", 0, 204000, "", ""},
        {"libmnl", "1.0.5-r2", 0, 17000, "", ""},
        {"iputils", "20240117-r0", 0, 0, "iputils-arping iputils-clockdiff iputils-ping iputils-tracepath", ""},
        {"iputils-ping", "20240117-r0", 0, 75000, "", "ping"},
        {"iputils-arping", "20240117-r0", 0, 45000, "", "arping"},
        {"iputils-clockdiff", "20240117-r0", 0, 35000, "", ""},
        {"iputils-tracepath", "20240117-r0", 0, 35000, "", "tracepath"},
        {"net-tools", "2.10-r3", 0, 478000, "mii-tool", "ifconfig arp route netstat"},
        {"mii-tool", "2.10-r3", 0, 29000, "", ""},
        {"netcat-openbsd", "1.226-r0", 0, 55000, "libbsd libmd", "nc"},
        {"libbsd", "0.12.2-r0", 0, 88000, "", ""},
        {"libmd", "1.1.0-r0", 0, 64000, "", ""},
        {"procps-ng", "4.0.4-r0", 0, 562000, "libintl libncursesw libproc2 ncurses-terminfo-base", "ps top free pgrep pkill"},
        {"libintl", "0.22.5-r0", 0, 71000, "", ""},
        {"libncursesw", "6.4_p20240420-r1", 0, 377000, "", ""},
        {"libproc2", "4.0.4-r0", 0, 140000, "", ""},
        {"ncurses-terminfo-base", "6.4_p20240420-r1", 0, 94000, "", ""},
        {"bash", "5.2.26-r0", 0, 1238000, "libncursesw ncurses-terminfo-base readline", "bash"},
        {"readline", "8.2.10-r0", 0, 283000, "", ""},
        {"wget", "1.24.5-r0", 0, 521000, "libidn2 libunistring pcre2", "wget"},
        {"pcre2", "10.43-r0", 0, 669000, "", ""},
        {"tcpdump", "4.99.4-r1", 0, 1035000, "libpcap", "tcpdump"},
        {"libpcap", "1.10.4-r1", 0, 317000, "", ""},
        {"busybox-extras", "1.36.1-r29", 0, 21000, "", "telnet"},
        {"iptables", "1.8.10-r3", 0, 1590000, "libmnl libnftnl", "iptables ip6tables"},
        {"libnftnl", "1.2.6-r0", 0, 188000, "", ""},
        {"jq", "1.7.1-r0", 0, 352000, "oniguruma", "jq"},
        {"oniguruma", "6.9.9-r0", 0, 572000, "", ""},
        {"vim", "9.1.0707-r0", 0, 3400000, "xxd", "vim vi"},
        {"xxd", "9.1.0707-r0", 0, 18000, "", "xxd"},
        {"nano", "8.0-r0", 0, 642000, "libmagic libncursesw ncurses-terminfo-base", "nano"},
        {"libmagic", "5.45-r1", 0, 9592000, "", ""},
        {"git", "2.45.2-r0", 0, 12960000, "pcre2 zlib", "git"},
        {"zlib", "1.3.1-r1", 0, 98000, "", ""},
        {"openssh-client", "9.7_p1-r4", 0, 2560000, "", "ssh scp"},
        {"iperf3", "3.17.1-r0", 0, 259000, "", "iperf3"},
        {"socat", "1.8.0.0-r0", 0, 426000, "", "socat"},
        {"nmap", "7.95-r0", 0, 5190000, "libpcap lua5.4-libs", "nmap"},
        {"lua5.4-libs", "5.4.6-r1", 0, 257000, "", ""},
        {"ethtool", "6.9-r0", 0, 641000, "libmnl", "ethtool"},
        {"mariadb-client", "10.11.8-r0", 0, 9390000, "", "mysql mariadb"},
        {"postgresql16-client", "16.4-r0", 0, 1942000, "", "psql"},
        {"redis", "7.2.5-r0", 0, 3290000, "", "redis-cli redis-server"},
        {"python3", "3.12.7-r0", 0, 43520000, "", "python3"},
        {"drill", "1.8.3-r5", 0, 40000, "", "drill"},
    };
    return t;
}

// Oracle Linux 9 (mysql:8.0 / mysql:latest), microdnf.
const std::vector<Pkg>& dnfPackages() {
    static const std::vector<Pkg> t = {
        {"iputils", "20210202-10.el9", 179400, 530000, "", "ping tracepath arping"},
        {"net-tools", "2.0-0.64.20160912git.el9", 318700, 950000, "", "ifconfig arp route netstat"},
        {"iproute", "6.2.0-6.el9", 860000, 2800000, "libbpf psmisc", "ip ss bridge"},
        {"libbpf", "2:1.3.0-2.el9", 180000, 420000, "", ""},
        {"psmisc", "23.4-3.el9", 250000, 600000, "", "killall pstree fuser"},
        {"procps-ng", "3.3.17-14.el9", 350000, 980000, "", "ps top free pgrep pkill"},
        {"bind-utils", "32:9.16.23-24.el9", 230000, 660000, "bind-libs bind-license fstrm libmaxminddb libuv protobuf-c",
         "nslookup dig host"},
        {"bind-libs", "32:9.16.23-24.el9", 1260000, 3530000, "", ""},
        {"bind-license", "32:9.16.23-24.el9", 14000, 27000, "", ""},
        {"fstrm", "0.6.1-3.el9", 29000, 64000, "", ""},
        {"libmaxminddb", "1.5.2-4.el9", 35000, 70000, "", ""},
        {"libuv", "1:1.42.0-2.el9_4", 150000, 500000, "", ""},
        {"protobuf-c", "1.3.3-13.el9", 35000, 70000, "", ""},
        {"nmap-ncat", "3:7.92-3.el9", 230000, 500000, "libpcap", "nc ncat"},
        {"libpcap", "14:1.10.0-4.el9", 175000, 420000, "", ""},
        {"hostname", "3.23-6.el9", 30000, 60000, "", "hostname"},
        {"curl", "7.76.1-31.el9", 300000, 700000, "", "curl"},
        {"wget", "1.21.1-8.el9_4", 800000, 3200000, "", "wget"},
        {"traceroute", "3:2.1.0-18.el9", 65000, 150000, "", "traceroute"},
        {"tcpdump", "14:4.99.0-9.el9", 550000, 1300000, "libpcap", "tcpdump"},
        {"vim-minimal", "2:8.2.2637-21.el9", 700000, 1500000, "", "vi"},
        {"less", "590-5.el9", 170000, 380000, "", "less"},
        {"which", "2.21-29.el9", 45000, 80000, "", "which"},
    };
    return t;
}

const Pkg* findPkg(const std::vector<Pkg>& table, std::string_view name) {
    for (const auto& p : table)
        if (name == p.name) return &p;
    return nullptr;
}

}  // namespace sim::docker
